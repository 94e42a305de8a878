import type { ReactNode } from 'react';
import { ButtonLink } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { BackupStatus } from './BackupStatus';
import { EndingSoonCard, OverdueCard, PastDueActionsCard, QuietCard } from './DashboardLists';
import { DebriefsDueCard } from './DebriefsDueCard';
import { DueQuestionnairesCard } from './DueQuestionnairesCard';
import { GettingStarted } from './GettingStarted';
import { PlanCards } from './PlanCards';
import { SupportRequestsCard } from './SupportRequestsCard';
import { TrainingDueCard } from './TrainingDueCard';
import { useDashboard, useToday } from './useDashboard';

/** `notice`: shown above the figures (the sample clinic's "Start for real", given by the app shell). */
export function DashboardScreen({ notice }: { notice?: ReactNode }) {
  const { dashboard, limits, showMore } = useDashboard();
  const today = useToday();
  return (
    <>
      <PageHeader
        title="Dashboard"
        actions={
          <>
            <ButtonLink to="/meetings/new" variant="primary">
              Log a meeting
            </ButtonLink>
            <ButtonLink to="/relationships/new">New pairing</ButtonLink>
          </>
        }
      />
      {notice}
      <SupportRequestsCard />
      {!dashboard ? (
        <Loading what="Working out today's figures" />
      ) : (
        <>
          <div className="card-grid">
            <Card title="Active pairs">
              <p className="figure">{dashboard.activeCount}</p>
              {dashboard.activeCount === 0 ? (
                <EmptyState title="No active pairs yet.">
                  <GettingStarted />
                </EmptyState>
              ) : (
                <ButtonLink to="/relationships" variant="quiet">
                  See all pairings
                </ButtonLink>
              )}
            </Card>
            <BackupStatus />
          </div>
          {/* With no active pair, the follow-up lists would only say "none": the steps above matter more. */}
          {dashboard.activeCount > 0 && (
            <>
              <OverdueCard dashboard={dashboard} limits={limits} showMore={showMore} />
              <DebriefsDueCard today={today} />
              <div className="card-grid">
                <QuietCard dashboard={dashboard} limits={limits} showMore={showMore} />
                <EndingSoonCard dashboard={dashboard} limits={limits} showMore={showMore} />
              </div>
            </>
          )}
          {(dashboard.activeCount > 0 || dashboard.totals.pastDueActions > 0) && (
            <PastDueActionsCard dashboard={dashboard} limits={limits} showMore={showMore} />
          )}
          <TrainingDueCard />
          <DueQuestionnairesCard hideWhenNone={dashboard.activeCount === 0} />
          {dashboard.activeCount > 0 && <PlanCards />}
        </>
      )}
    </>
  );
}
