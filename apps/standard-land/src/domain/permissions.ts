import type { Role } from '@devzone/auth';

/**
 * Who may call each route of the service, declared once: the controllers' @Roles() and
 * the `actions` of the views (domain/actions.ts) both read these maps, so a button the
 * console shows is never a command the route refuses. Which objects a permitted role
 * reaches (its zones' plots; the projects it sees) is checked besides: a foreign one is 404.
 */

/** Zone officers of the plot's or project's zone, and admins (the same as @devzone/auth's OFFICERS). */
export const OFFICER_ROLES: readonly Role[] = ['zone-officer', 'admin'];
/** Figures about the project's own land: its enterprise files them too. */
export const REPORTER_ROLES: readonly Role[] = ['enterprise', 'zone-officer', 'admin'];

/** Commands on a plot, named by the last segment of their route (POST /plots/:code/<action>). */
export const PLOT_ACTIONS = ['publish', 'reserve', 'release', 'transfer'] as const;
export type PlotAction = (typeof PLOT_ACTIONS)[number];

/** Commands on a project's land, named by the last segment of their route (POST /projects/:projectId/<action>). */
export const LAND_ACTIONS = ['land-grant', 'own-land', 'lease', 'land-checks', 'interim-reports', 'construction-progress', 'idle-exemption'] as const;
export type LandAction = (typeof LAND_ACTIONS)[number];

export const PLOT_COMMAND_ROLES: Record<PlotAction, readonly Role[]> = {
  publish: OFFICER_ROLES,
  reserve: OFFICER_ROLES,
  release: OFFICER_ROLES,
  transfer: OFFICER_ROLES,
};

export const LAND_COMMAND_ROLES: Record<LandAction, readonly Role[]> = {
  'land-grant': OFFICER_ROLES,
  'own-land': OFFICER_ROLES,
  lease: OFFICER_ROLES,
  'land-checks': OFFICER_ROLES,
  'interim-reports': REPORTER_ROLES,
  'construction-progress': REPORTER_ROLES,
  'idle-exemption': OFFICER_ROLES,
};

/** The other routes that admit only some roles (the GET routes without an entry admit every signed-in role). */
export const ROUTE_ROLES = {
  /** POST /plots */
  createPlot: OFFICER_ROLES,
  /** GET /projects/:projectId/plot-matches */
  plotMatches: OFFICER_ROLES,
} as const satisfies Record<string, readonly Role[]>;
