// The shape of a feature descriptor: all the router, the side navigation, App's screen switch and the data
// controller know about a section, so that none of them names a route.
import type { ReactNode } from 'react';
import type { Action } from '../../../shared/accounts/roles';
import type { CourtDeskApi } from '../../../shared/api/contract';
import type { HashPath } from '../router/hash';
import type { AppStore } from '../stores/app';

/** A route is plain data, named; the rest of its fields belong to the feature that serves it. */
export interface RouteBase {
  name: string;
}

/** Stores that no single feature owns: app.info and the catalogues behind the filters. */
export interface SharedStores {
  app: AppStore;
}

export interface NavEntry<R extends RouteBase> {
  label: string;
  /** Position in the side navigation, smallest first. */
  order: number;
  /** Any one of these permissions opens the section (its entry and its routes); an empty list means everyone. */
  requires: readonly Action[];
  /** Marks a section that is announced but not built (即将推出). */
  soon?: boolean;
  /**
   * The route the entry leads to, as a React hook: the 案件 entry keeps the list's filters, so it subscribes to
   * what it reads. Called once per render of the entry, whether or not the person may open it.
   */
  useTarget(): R;
  /**
   * How many items wait for the signed-in person in this section (a badge on the entry; nothing for null or 0), as
   * a React hook called only when the person may open the section, so that it may start its own read.
   */
  useCount?(): number | null;
}

/**
 * One section of the window. Methods (not function-valued properties) on purpose: TypeScript checks their
 * parameters bivariantly, so a feature serving its own routes still fits the list of all features.
 */
export interface Feature<K extends string = string, R extends RouteBase = RouteBase, S extends object = object> {
  /** The navigation key: data-testid nav-<id>, the section of NoAccess, the permission of every route below. */
  id: K;
  /** The route names this feature serves; no other feature serves them. */
  routeNames: readonly R['name'][];
  /** Lists a case is opened from: the case page's 返回列表 goes back to the last one shown. */
  listRoutes?: readonly R['name'][];
  /** Routes shown under the list they were opened from, whose entry stays lit (the case page). */
  underListRoutes?: readonly R['name'][];
  /**
   * The navigation entry a route lights when it is not the feature's own (a weak point's trend, reached from the
   * 台账, lights 脱薄台账); access is still the feature's.
   */
  litEntry?(route: R): string | null;
  /** The route a hash names, or null when it is not one of this feature's. */
  parse(path: HashPath): R | null;
  /** The hash of one of its routes, starting with "#/"; parse gives the route back. */
  format(route: R): string;
  nav: NavEntry<R>;
  /** document.title (before " - 法院质效台"). */
  title(route: R): string;
  /** The page for one of its routes. */
  page(route: R): ReactNode;
  /** Starts the fetches a route needs; called only once the person's permissions allow the route. */
  load?(route: R, stores: S & SharedStores, permissions: readonly Action[]): Promise<unknown>;
  /** The stores this feature owns, made once per window; their keys are unique across features. */
  createStores?(api: CourtDeskApi): S;
}

/** The stores a feature (or a settings tab) declares. */
export type StoresOf<F> = F extends { createStores?(api: CourtDeskApi): infer S } ? S : never;

/** The routes a feature serves. */
export type RouteOf<F> = F extends Feature<string, infer R, object> ? R : never;

/** A | B → A & B (the stores of all features, one object). */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
