// The indicators in their groups (收结存, 效率, 质量, 效果): each value with its numerator and denominator or buckets,
// every one that counts cases a link to them; on 日监测, today's value against yesterday's with an arrow.
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import type { IndicatorValues } from '../../../../shared/indicators/formulas';
import type { FlaggedValues } from '../../../../shared/indicators/api';
import { Link } from '../../components/Link';
import { change, INDICATOR_GROUPS, mainPart, partFigures, rangeBadge, valueOf, valueText } from '../../../../shared/indicators/figures';
import type { IndicatorCasesRoute, IndicatorScope } from './routes';

interface GridProps {
  /** As compute answers them: each value flagged against its reasonable range. */
  values: IndicatorValues | FlaggedValues;
  from: string;
  to: string;
  scope: IndicatorScope;
  /** 日监测: yesterday's figures, for the change. */
  yesterday?: IndicatorValues | null;
}

export function IndicatorGrid({ values, from, to, scope, yesterday }: GridProps) {
  const cases = (id: IndicatorId, part: IndicatorCasesRoute['part']): IndicatorCasesRoute => ({ name: 'indicatorCases', id, part, from, to, scope, page: 1 });
  return (
    <div className="ind-groups">
      {INDICATOR_GROUPS.map((g) => (
        <section key={g.title} className="ind-group" data-testid={`ind-group-${g.title}`}>
          <h2>{g.title}</h2>
          <div className="ind-grid">
            {g.ids.map((id) => {
              const def = INDICATORS[id];
              const main = mainPart(id);
              const text = valueText(id, values);
              const c = yesterday ? change(id, valueOf(id, values), valueOf(id, yesterday)) : null;
              const badge = rangeBadge(id, values);
              return (
                <div key={id} className={`ind-tile${badge?.outside ? (badge.worse ? ' out-worse' : ' out-better') : ''}`} data-testid={`ind-${id}`} title={`${def.formula}${def.note ? `\n${def.note}` : ''}`}>
                  <div className="ind-name">
                    {def.name}
                    {badge ? (
                      <span className={`ind-range${badge.outside ? (badge.worse ? ' tone-danger' : ' tone-info') : ''}`} data-testid={`ind-range-${id}`} title={badge.phrase}>
                        {badge.mark}
                      </span>
                    ) : null}
                  </div>
                  <div className="ind-value">
                    {main ? (
                      <Link to={cases(id, main)} testId={`ind-value-${id}`} title="打开这个数字背后的案件">{text}</Link>
                    ) : (
                      <span data-testid={`ind-value-${id}`}>{text}</span>
                    )}
                    {c ? (
                      <span className={`ind-change${c.better === true ? ' tone-ok' : c.better === false ? ' tone-danger' : ''}`} data-testid={`ind-change-${id}`} title="与前一日比较">
                        {c.arrow} {c.text}
                      </span>
                    ) : null}
                  </div>
                  {badge?.outside ? <div className="ind-range-phrase">{badge.phrase}</div> : null}
                  <div className="ind-parts">
                    {partFigures(id, values).map((p, i) => (
                      <span key={`${p.part}${i}`} className="ind-part">
                        {p.label}{' '}
                        {p.opens ? (
                          <Link to={cases(id, p.part)} testId={`ind-${p.part}-${id}`} title="打开这些案件">{p.text}</Link>
                        ) : (
                          <span>{p.text}</span>
                        )}
                      </span>
                    ))}
                  </div>
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
