// A link to a route: a real href (middle-click, copy address), plain clicks go through the router.
import type { MouseEvent, ReactNode } from 'react';
import { formatRoute, type Route } from '../router/routes';
import { router } from '../stores';

interface LinkProps {
  to: Route;
  children: ReactNode;
  className?: string;
  title?: string;
  testId?: string;
  current?: boolean;
}

export function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export function Link({ to, children, className, title, testId, current }: LinkProps) {
  return (
    <a
      href={formatRoute(to)}
      className={className}
      title={title}
      data-testid={testId}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (!isPlainClick(e)) return;
        e.preventDefault();
        e.stopPropagation();
        router.getState().navigate(to);
      }}
    >
      {children}
    </a>
  );
}
