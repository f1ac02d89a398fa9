/**
 * The catalog editor (R10.1): a new entry or my agency's draft, returned version or change request
 * as one form in sections, validated live by the server's rules, with the R9.1 overlaps and their
 * justification, and the actions of the agency: save a draft, submit (the data steward, R8.1) or
 * withdraw.
 */
import type { CatalogVersion } from '@gongshu/contracts';
import { App, Card, Col, Form, Row, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import {
  submitFailuresOf,
  useSaveDraft,
  useSubmitVersions,
  useWithdrawDraft,
  type DraftInput,
  type SubmitFailure,
} from '../../../api/catalog';
import { errorText } from '../../../api/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/useT';
import { ReturnReasons } from '../shared/ReturnReasons';
import { SubmitFailures } from '../shared/SubmitFailures';
import { VersionKindTag } from '../shared/VersionKindTag';
import { VersionStateTag } from '../shared/VersionStateTag';
import { BasicSection } from './BasicSection';
import { ChangeSection } from './ChangeSection';
import { metadataOf, newEntryValues, versionValues, type EditorValues } from './editorForm';
import { EditorActions } from './EditorActions';
import { FieldsSection } from './FieldsSection';
import { OpenSection } from './OpenSection';
import { OtherSection } from './OtherSection';
import { OverlapPanel } from './OverlapPanel';
import { indexProblems, namePathOf } from './problems';
import { ProblemSummary } from './ProblemSummary';
import { SecuritySection } from './SecuritySection';
import { ShareSection } from './ShareSection';
import { useLeaveGuard } from './useLeaveGuard';
import { useLiveCheck } from './useLiveCheck';

function section(id: string, title: string, children: ReactNode, testId?: string) {
  return (
    <Card
      id={`section-${id}`}
      title={
        <h2 className="gs-card-title" data-testid={testId ?? `editor-section-${id}`}>
          {title}
        </h2>
      }
    >
      {children}
    </Card>
  );
}

export function CatalogEditor({ version }: { readonly version: CatalogVersion | null }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EditorValues>();
  const isChange = version?.kind === 'change';
  // The form starts from the version as loaded; later refreshes of it do not overwrite typing.
  const [initial] = useState<EditorValues>(() => (version ? versionValues(version) : newEntryValues()));
  const watched = Form.useWatch([], { form, preserve: true }) as EditorValues | undefined;
  const values = watched ?? initial;
  const check = useLiveCheck(values, { resourceId: version?.resourceId ?? null, isChange });
  const allProblems = useMemo(() => indexProblems(check.problems), [check.problems]);
  // A saved version shows every problem at its input; a new form only those of inputs already
  // touched, until a save or a submission is tried (the summary always lists them all).
  const [revealed, setRevealed] = useState(version !== null);
  const problems = revealed
    ? allProblems
    : new Map(
        [...allProblems].filter(
          ([key]) => key !== 'fields' && form.isFieldTouched(namePathOf(key) as Parameters<typeof form.isFieldTouched>[0]),
        ),
      );

  const draftOf = (from: EditorValues): DraftInput => ({
    metadata: metadataOf(from),
    justification: from.justification?.trim() || null,
    ...(isChange ? { changeReason: from.changeReason?.trim() || null, lawChangeDate: from.lawChangeDate || null } : {}),
  });
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(draftOf(initial)));
  const dirty = JSON.stringify(draftOf(values)) !== savedJson;

  const allowLeave = useLeaveGuard(dirty);
  const save = useSaveDraft();
  const submit = useSubmitVersions();
  const withdraw = useWithdrawDraft();
  const [actionError, setActionError] = useState<unknown>(null);
  const [failures, setFailures] = useState<readonly SubmitFailure[] | null>(null);
  const secret = values.involvesStateSecret ?? false;

  const saveNow = async (): Promise<CatalogVersion> => {
    const input = draftOf(form.getFieldsValue(true) as EditorValues);
    const saved = await save.mutateAsync({ versionId: version?.id ?? null, input });
    setSavedJson(JSON.stringify(input));
    return saved;
  };

  const onSave = async () => {
    setRevealed(true);
    setActionError(null);
    setFailures(null);
    try {
      const saved = await saveNow();
      void message.success(t('catalog.editor.saved', { name: saved.metadata.name || t('catalog.editor.untitled') }));
      if (!version) {
        allowLeave();
        void navigate(`/catalog/versions/${saved.id}`, { replace: true });
      }
    } catch (error) {
      setActionError(error);
    }
  };

  const sendForReview = async () => {
    setActionError(null);
    setFailures(null);
    let saved: CatalogVersion | null = null;
    try {
      saved = await saveNow();
      await submit.mutateAsync([saved.id]);
      void message.success(t('catalog.editor.submitted', { name: saved.metadata.name }));
      // The page of the version now shows it read-only, waiting for the bureau with its time left.
      allowLeave();
      void navigate(`/catalog/versions/${saved.id}`, { replace: true });
    } catch (error) {
      if (!version && saved) {
        // The new entry was saved: continue on its own page, where the live check lists its problems.
        const text = errorText(error, lang);
        void message.error(text.message + (text.requirement ? `（${text.requirement}）` : ''));
        allowLeave();
        void navigate(`/catalog/versions/${saved.id}`, { replace: true });
        return;
      }
      setActionError(error);
      setFailures(submitFailuresOf(error));
    }
  };

  const onSubmit = () => {
    setRevealed(true);
    modal.confirm({
      title: t('catalog.editor.submitTitle'),
      content: t(isChange ? 'catalog.editor.submitChangeConfirm' : 'catalog.editor.submitConfirm'),
      okText: t('catalog.editor.submitOk'),
      cancelText: t('common.cancel'),
      onOk: () => sendForReview(),
    });
  };

  const onWithdraw = async () => {
    if (!version) return;
    setActionError(null);
    try {
      await withdraw.mutateAsync(version.id);
      void message.success(t('catalog.editor.withdrawn', { name: version.metadata.name }));
      allowLeave();
      void navigate('/catalog/mine');
    } catch (error) {
      setActionError(error);
    }
  };

  const goTo = (key: string) => {
    setRevealed(true);
    if (key === 'fields') {
      document.getElementById('section-fields')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return;
    }
    const path = namePathOf(key);
    form.scrollToField(path, { behavior: 'smooth', block: 'center' });
    form.focusField(path);
  };

  const title = version ? version.metadata.name || t('catalog.editor.untitled') : t('catalog.editor.newTitle');
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t('catalog.mine.heading'), to: '/catalog/mine' }]}
        description={
          version
            ? t('catalog.editor.versionOf', { number: version.number, provider: version.provider.name })
            : t('catalog.editor.newIntro')
        }
        extra={
          version ? (
            <Space size={4}>
              <VersionKindTag kind={version.kind} />
              <VersionStateTag state={version.state} />
            </Space>
          ) : null
        }
      />
      {version ? <ReturnReasons version={version} /> : null}
      {failures && failures.length > 0 ? <SubmitFailures failures={failures} /> : actionError ? <ErrorAlert error={actionError} /> : null}
      <Form<EditorValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        requiredMark
        onValuesChange={(changed: EditorValues) => {
          // R18.2: level 4 data is never opened.
          if (changed.securityLevel === 4) form.setFieldValue(['open', 'type'], 'none');
        }}
        data-testid="catalog-editor"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {version && isChange
                ? section('change', t('catalog.section.change'), <ChangeSection version={version} values={values} problems={problems} />)
                : null}
              {section('basic', t('catalog.section.basic'), <BasicSection problems={problems} />)}
              {section('fields', t('catalog.section.fields'), <FieldsSection problems={problems} />)}
              {section('share', t('catalog.section.share'), <ShareSection problems={problems} values={values} />)}
              {section('open', t('catalog.section.open'), <OpenSection problems={problems} values={values} />)}
              {section('security', t('catalog.section.securityUpdate'), <SecuritySection problems={problems} values={values} />)}
              {section('other', t('catalog.section.other'), <OtherSection problems={problems} />)}
            </Space>
          </Col>
          <Col xs={24} xl={7}>
            <div className="gs-editor-aside">
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <EditorActions
                  isNew={!version}
                  dirty={dirty}
                  blocked={secret}
                  problemCount={check.checking ? 0 : check.problems.length}
                  saving={save.isPending && !submit.isPending}
                  submitting={submit.isPending}
                  withdrawing={withdraw.isPending}
                  onSave={() => void onSave()}
                  onSubmit={onSubmit}
                  onWithdraw={() => void onWithdraw()}
                />
                <ProblemSummary problems={check.problems} checking={check.checking} error={check.error} onGoTo={goTo} />
                <OverlapPanel
                  overlaps={check.overlaps}
                  needsJustification={check.needsJustification}
                  checking={check.checking}
                  problems={problems}
                />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t('catalog.editor.liveHelp')}
                </Typography.Paragraph>
              </Space>
            </div>
          </Col>
        </Row>
      </Form>
    </>
  );
}
