// A division's or judge's name as a link to its page (#/indicators/division?name=…), for the same period.
import { Link } from '../../components/Link';
import { groupRoute } from './routes';

export function GroupLink({ kind, who, from, to }: { kind: 'division' | 'judge'; who: string; from: string; to: string }) {
  return (
    <Link to={groupRoute(kind, who, from, to)} testId={`ind-page-link-${kind}`} title={`打开${kind === 'division' ? '部门' : '法官'}“${who}”的指标页`}>
      {who}
    </Link>
  );
}
