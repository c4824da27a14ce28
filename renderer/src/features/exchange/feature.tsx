// 报送中院 (#/exchange), not built yet: who may open it, and what the section will hold.
import { comingSoonFeature } from '../comingSoon';
import type { Feature } from '../types';

export const exchangeFeature: Feature<'exchange', { name: 'exchange' }> = comingSoonFeature({
  id: 'exchange',
  order: 50,
  requires: ['exchange.export'],
  section: {
    title: '报送中院',
    lead: '向中级人民法院报送数据，将通过加密并签名的报送包完成，用 U 盘传递。',
    points: [
      '报送包只有中院能够解密；中院可以核验报送包确由本院生成、未被改动。',
      '支持全量和增量报送；重复导入不会重复计数，旧包不能覆盖新数据。',
      '默认不含当事人姓名，只有明确勾选后才会包含。',
      '中院信息技术人员可以用标准工具（age、minisign）独立核验。',
    ],
    note: '此功能尚未开放，目前不会生成或发送任何数据。',
  },
});
