import type { CloudEvent } from '@rtw/messaging';
import { evolveView, type ConnectorDossierView } from '../view/dossier-view.reducer';
import type { StoredView, ViewWrite } from '../view/dossier-view.store';

/**
 * The views of one batch: loaded once, changed in memory event by event (so a referral sees the
 * dossier as of its place in the stream), written once at the end.
 */
export class BatchViews {
  private readonly changed = new Map<
    string,
    { view: ConnectorDossierView | undefined; applied: number }
  >();

  constructor(private readonly loaded: ReadonlyMap<string, StoredView>) {}

  /** The dossier's view as of the events applied so far. */
  viewOf(dossierId: string): ConnectorDossierView | undefined {
    const change = this.changed.get(dossierId);
    return change ? change.view : this.loaded.get(dossierId)?.view;
  }

  /** Applies an event that changes a view. */
  apply(event: CloudEvent): void {
    const view = evolveView(this.viewOf(event.subject), event);
    const applied = (this.changed.get(event.subject)?.applied ?? 0) + 1;
    this.changed.set(event.subject, { view, applied });
  }

  /** What to write: every view the batch touched, at the version it was read. */
  writes(): ViewWrite[] {
    return [...this.changed].map(([dossierId, change]) => ({
      dossierId,
      previousVersion: this.loaded.get(dossierId)?.version ?? 0,
      applied: change.applied,
      view: change.view,
    }));
  }
}
