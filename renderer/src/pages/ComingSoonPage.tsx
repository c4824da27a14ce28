// 延审审批, 质效指标, 报送中院: what each section will hold, said plainly; no figures until they are real.
import type { SectionName } from '../lib/route';

interface Section {
  title: string;
  lead: string;
  points: string[];
  note: string;
}

const SECTIONS: Record<Exclude<SectionName, 'settings'>, Section> = {
  extensions: {
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
  indicators: {
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
  exchange: {
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
};

export function ComingSoonPage({ section }: { section: Exclude<SectionName, 'settings'> }) {
  const s = SECTIONS[section];
  return (
    <div className="page page-scroll" data-testid="coming-soon">
      <div className="page-head">
        <h1>{s.title}</h1>
        <span className="chip tone-info" data-testid="coming-soon-badge">
          即将推出
        </span>
      </div>
      <section className="panel soon">
        <p className="lead">{s.lead}</p>
        <ul className="soon-list">
          {s.points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
        <p className="muted">{s.note}</p>
      </section>
    </div>
  );
}
