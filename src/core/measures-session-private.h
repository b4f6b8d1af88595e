/* measures-session-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-session.h"

G_BEGIN_DECLS

struct _MeasuresSession
{
  GObject parent_instance;

  GSettings *settings;          /* NULL: nothing is saved or restored */
  GListStore *datasets;
  MeasuresIndex *index;
  MeasuresQuery *query;
  MeasuresLibrary *library;     /* the marks the query reads */
  MeasuresResult *result;
  GPtrArray *sources;           /* GFile, the datasets the user opened */
  GPtrArray *problems;          /* MeasuresProblem, of the last load */
  GFile *removed;               /* the last dataset removed, for Undo */
  MeasuresOwnRecords *own_records; /* shown last, over the others */
  guint removed_at;             /* where it was among the sources */

  GCancellable *cancellable;    /* of the current load */
  GPtrArray *deferred_files;    /* to load once released */
  guint deferred_source;
  GList *pending_loads;         /* ended while held */
  guint pending_source;
  guint progress_source;
  gint progress;                /* thousandths, written by the load thread */

  MeasuresSort sort;
  guint sort_descending : 1;
  guint loading : 1;
  guint show_bundled : 1;
  guint remember_sources : 1;
  guint held : 1;
  guint stopped : 1;
};

void _measures_session_save_sources (MeasuresSession *self);

G_END_DECLS
