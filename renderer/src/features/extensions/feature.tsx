// 延审审批 (#/extensions), not built yet: who may open it, and what the section will hold.
import { comingSoonFeature } from '../comingSoon';
import type { Feature } from '../types';

export const extensionsFeature: Feature<'extensions', { name: 'extensions' }> = comingSoonFeature({
  id: 'extensions',
  order: 30,
  requires: ['extension.request', 'extension.opinion', 'extension.approve'],
  section: {
    title: '延审审批',
    lead: '延长审限的申请与审批将在这里在线办理，逐级留痕。',
    points: [
      '承办法官在审限届满前提出申请，写明理由和需要延长的期限。',
      '庭长签署意见，院长审批；超出本院权限的，报请上级法院批准，结果回来后登记。',
      '按法律规定核对可以批准的期限，超出部分不会被直接批准。',
      '申请时间晚于规定期限的，标记为“逾期申请”，并要求书面说明。',
      '每一步的经办人、时间和意见都记录在案，可随时查阅。',
    ],
    note: '目前案件页已显示已登记的延长审限申请及其对届满日的影响。',
  },
});
