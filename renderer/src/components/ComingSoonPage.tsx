// The page of a section that is announced but not built: what it will hold, said plainly; no figures until they are real.
export interface ComingSoonSection {
  title: string;
  lead: string;
  points: string[];
  note: string;
}

export function ComingSoonPage({ section: s }: { section: ComingSoonSection }) {
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
