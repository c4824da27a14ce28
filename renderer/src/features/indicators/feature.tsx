// 质效指标 (#/indicators), not built yet: who may open it, and what the section will hold.
import { comingSoonFeature } from '../comingSoon';
import type { Feature } from '../types';

export const indicatorsFeature: Feature<'indicators', { name: 'indicators' }> = comingSoonFeature({
  id: 'indicators',
  order: 40,
  requires: ['indicators.view'],
  section: {
    title: '质效指标',
    lead: '审判质效指标将按法院、部门、法官分别计算，用于分析，不做排名。',
    points: [
      '结收比、结案率、法定审限内结案率、平均审理天数、超12个月未结案件比、案-件比等指标，每个数字都可以打开其背后的案件。',
      '调撤率、上诉率、改判发回率、一审服判息诉率、执行到位率、阅核率、类案检索率等。',
      '日监测、周通报、月分析三种视图，可打印。',
      '合理区间由本院或中院设定，超出区间的指标会明确标出。',
    ],
    note: '在此之前，可在“审限预警”中查看超审限和即将到期的案件。',
  },
});
