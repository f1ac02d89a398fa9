/** The message keys of this part's enumerations (kinds, actions, states). */
import type { ObjectionAction, ObjectionKind, ShowcaseKind, ShowcaseState } from '../../../api/openParticipation';
import type { MessageKey } from '../../../i18n/zh';

export const OBJECTION_KIND_LABEL: Record<ObjectionKind, MessageKey> = {
  error: 'open.participation.objection.kind.error',
  omission: 'open.participation.objection.kind.omission',
  infringement: 'open.participation.objection.kind.infringement',
  suggestion: 'open.participation.objection.kind.suggestion',
};

export const OBJECTION_ACTION_LABEL: Record<ObjectionAction, MessageKey> = {
  corrected: 'open.participation.objection.action.corrected',
  will_correct: 'open.participation.objection.action.will_correct',
  no_change: 'open.participation.objection.action.no_change',
  removed: 'open.participation.objection.action.removed',
};

export const SHOWCASE_KIND_LABEL: Record<ShowcaseKind, MessageKey> = {
  application: 'open.participation.showcase.kind.application',
  research: 'open.participation.showcase.kind.research',
  article: 'open.participation.showcase.kind.article',
  scenario: 'open.participation.showcase.kind.scenario',
};

export const SHOWCASE_STATE_LABEL: Record<ShowcaseState, MessageKey> = {
  pending: 'open.participation.showcase.state.pending',
  approved: 'open.participation.showcase.state.approved',
  rejected: 'open.participation.showcase.state.rejected',
  withdrawn: 'open.participation.showcase.state.withdrawn',
};

export const SHOWCASE_STATE_COLOR: Record<ShowcaseState, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};
