/**
 * The services' answers as the console reads them: every type here is the one
 * generated from the service's OpenAPI document (apps/console/openapi/, `npm run
 * openapi`; a unit test fails when those are stale), so a change to an answer
 * that the console does not follow fails the type check. Nothing here is written
 * by hand. `actions` on an object: the commands the signed-in user may take on it
 * now (the command route's last path segment); the console shows a button exactly then.
 */
import type { components as AgencyApi } from '../openapi/agency';
import type { components as ApprovalApi } from '../openapi/commitment-approval';
import type { components as NotificationsApi } from '../openapi/notifications';
import type { components as IntakeApi } from '../openapi/project-intake';
import type { components as LandApi } from '../openapi/standard-land';

type Intake = IntakeApi['schemas'];
type Approval = ApprovalApi['schemas'];
type Land = LandApi['schemas'];
type Agency = AgencyApi['schemas'];
type Notifications = NotificationsApi['schemas'];

/** A 400's reason for one field (the `issues` of every service's ErrorBody). */
export type IssueBody = Intake['IssueBody'];
/** Every list endpoint answers one page: `{ items, total, page, pageSize }` (the services' PageOf). */
export type Page<T> = Omit<Intake['ProjectViewPage'], 'items'> & { items: T[] };

// project-intake
export type ProjectAction = Intake['ProjectAction'];
export type LifecycleStage = Intake['LifecycleStage'];
export type MilestoneView = Intake['MilestoneView'];
export type ProjectView = Intake['ProjectView'];
export type ImportBatchView = Intake['ImportBatchView'];
export type ImportRowView = Intake['ImportRowView'];
export type TimelineEntryView = Intake['TimelineEntryView'];
export type ZoneView = Intake['ZoneView'];
export type AcceptedInvitationView = Intake['AcceptedInvitationView'];
export type InvitationView = Intake['InvitationView'];
export type RoundView = Intake['RoundView'];
export type BatchProjectView = Intake['BatchProjectView'];
export type TallyView = Intake['TallyView'];
export type BatchTallyView = Intake['BatchTallyView'];
export type DurationStatsView = Intake['DurationStatsView'];
export type BehindPlanView = Intake['BehindPlanView'];
export type ThreeBatchesView = Intake['ThreeBatchesView'];

// commitment-approval
export type CaseAction = Approval['CaseAction'];
export type ItemAction = Approval['ItemAction'];
export type ItemPauseView = Approval['ItemPauseView'];
export type PauseRequest = Approval['PauseRequest'];
export type CaseItemView = Approval['CaseItemView'];
export type CaseSummaryView = Approval['CaseSummaryView'];
export type CaseView = Approval['CaseView'];
export type CaseRecordEntryView = Approval['CaseRecordEntryView'];
export type CommitmentView = Approval['CommitmentView'];
export type QueueEntryView = Approval['QueueEntryView'];
export type CatalogueView = Approval['CatalogueView'];
export type ZoneRulesView = Approval['ZoneRulesView'];
export type CreditRecordView = Approval['CreditRecordView'];
export type CreditView = Approval['CreditView'];

// standard-land
export type PlotAction = Land['PlotAction'];
export type PlotStatus = Land['PlotStatus'];
export type LandAction = Land['LandAction'];
export type CheckStage = Land['CheckStage'];
export type ExemptionCause = Land['ExemptionCause'];
export type CreatePlotRequest = Land['CreatePlotRequest'];
export type IndicatorTargetView = Land['IndicatorTargetView'];
export type PlotView = Land['PlotView'];
export type PlotMatchesView = Land['PlotMatchesView'];
export type PlotMatchView = Land['PlotMatchView'];
export type CheckResultView = Land['IndicatorResultView'];
export type ConsequenceView = Land['ConsequenceView'];
export type LandCheckView = Land['LandCheckView'];
export type BreachTermsView = Land['BreachTermsView'];
export type AgreementView = Land['PerformanceAgreementView'];
export type ContractView = Land['LandContractView'];
export type LandPathView = Land['LandPathView'];
export type InterimReportView = Land['InterimReportView'];
export type ConstructionProgressView = Land['ConstructionProgressView'];
export type IdleExemptionView = Land['IdleExemptionView'];
export type IdleLandView = Land['IdleLandView'];
export type LandProjectView = Land['LandProjectView'];
export type LandView = Land['ProjectLandView'];

// agency
export type DelegationAction = Agency['DelegationAction'];
export type TaskAction = Agency['TaskAction'];
export type TaskView = Agency['TaskView'];
export type AssignmentView = Agency['AssignmentView'];
export type DelegationView = Agency['DelegationView'];
export type AgencyProgressView = Agency['ProgressView'];
export type AgentView = Agency['AgentView'];
export type Speciality = Agency['Speciality'];
export type WorklistView = Agency['WorklistView'];
export type AgentLoadView = Agency['AgentLoadView'];
export type TeamLoadView = Agency['TeamLoadView'];

// notifications
export type InboxEntryView = Notifications['InboxEntryView'];
export type UnreadCountView = Notifications['UnreadCountView'];
export type NotificationRuleView = Notifications['NotificationRuleView'];
