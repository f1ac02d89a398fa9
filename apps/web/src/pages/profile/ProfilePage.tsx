/** 个人中心: every signed-in user's account, password and API keys. */
import { Col, Row } from 'antd';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/useT';
import { AccountCard } from './AccountCard';
import { ApiKeysCard } from './ApiKeysCard';
import { ChangePasswordCard } from './ChangePasswordCard';

export function ProfilePage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('profile.heading')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <AccountCard />
        </Col>
        <Col xs={24} xl={12}>
          <ChangePasswordCard />
        </Col>
        <Col span={24}>
          <ApiKeysCard />
        </Col>
      </Row>
    </>
  );
}
