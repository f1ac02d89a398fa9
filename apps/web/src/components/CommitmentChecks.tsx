import { Checkbox, Form } from 'antd';
import type { ReactNode } from 'react';

export interface CommitmentChecksProps<C extends string> {
  /** The commitments, each a checkbox at `commitments.<commitment>` in the form. */
  readonly commitments: readonly C[];
  readonly legend: string;
  /** A line under the legend. */
  readonly intro?: ReactNode;
  readonly label: (commitment: C) => string;
  /** Shown under a commitment left unticked. */
  readonly requiredMessage: string;
  /** Prefix of the test ids (`<prefix>-commitments`, `<prefix>-commit-<commitment>`). */
  readonly testIdPrefix: string;
}

/** The commitments an applicant must tick, every one required: share requests (R14) and open-data applications (R19.2). */
export function CommitmentChecks<C extends string>({
  commitments,
  legend,
  intro,
  label,
  requiredMessage,
  testIdPrefix,
}: CommitmentChecksProps<C>) {
  return (
    <fieldset className="gs-fieldset" data-testid={`${testIdPrefix}-commitments`}>
      <legend className="gs-subheading">{legend}</legend>
      {intro}
      {commitments.map((commitment) => (
        <Form.Item
          key={commitment}
          name={['commitments', commitment]}
          valuePropName="checked"
          style={{ marginBottom: 8 }}
          rules={[
            {
              validator: async (_, value: boolean | undefined) => {
                if (value !== true) throw new Error(requiredMessage);
              },
            },
          ]}
        >
          <Checkbox data-testid={`${testIdPrefix}-commit-${commitment}`}>{label(commitment)}</Checkbox>
        </Form.Item>
      ))}
    </fieldset>
  );
}
