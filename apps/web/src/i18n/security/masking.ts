/**
 * Messages of grading and masking (R29.1): the mask select of the catalog editor's field table,
 * the provider's per-field masks when approving a share request or an open application, and the
 * effective mask on a share or open grant. The masks' own names come from the domain
 * (describeMask), in both languages.
 */
export const zhMasking = {
  'security.masking.column': '脱敏方式（R29.1）',
  'security.masking.default': '默认：{mask}',
  'security.masking.weaker': '弱于定级要求的“{mask}”，不可选择（R29.1）',
  'security.masking.overridden': '本授权指定',
  'security.masking.declared': '编目指定',
  'security.masking.reviewLabel': '授权的脱敏方式',
  'security.masking.reviewHelp':
    '默认按资源的安全级别和编目时指定的方式脱敏；可为信息项选择更强的方式（如哈希或不提供），不能选择更弱的方式（R29.1）。',
  'security.masking.editorHelp': '不选择则按安全级别和敏感程度的默认方式；只能选择同等或更强的方式（R29.1）。',
  'security.masking.cellLabel': '{name} 的脱敏方式',
  'security.masking.masked': '脱敏：{mask}',
  'security.masking.asIs': '原样',
};

export const enMasking: Record<keyof typeof zhMasking, string> = {
  'security.masking.column': 'Mask (R29.1)',
  'security.masking.default': 'Default: {mask}',
  'security.masking.weaker': 'Weaker than the grading minimum “{mask}”: not allowed (R29.1)',
  'security.masking.overridden': 'Set by this grant',
  'security.masking.declared': 'Set in the catalog',
  'security.masking.reviewLabel': 'Masks of the grant',
  'security.masking.reviewHelp':
    'By default fields are masked by the resource’s security level and the masks set in the catalog; you may choose a stronger mask for a field (a hash, or withheld), never a weaker one (R29.1).',
  'security.masking.editorHelp':
    'Empty means the default of the security level and sensitivity; only the same or a stronger mask may be chosen (R29.1).',
  'security.masking.cellLabel': 'Mask of {name}',
  'security.masking.masked': 'Masked: {mask}',
  'security.masking.asIs': 'As is',
};
