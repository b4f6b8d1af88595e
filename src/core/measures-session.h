/* measures-session.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-index.h"
#include "measures-own-records.h"
#include "measures-library.h"
#include "measures-query.h"
#include "measures-sort.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_SESSION (measures_session_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresSession, measures_session, MEASURES, SESSION, GObject)

MeasuresSession      *measures_session_new            (GSettings        *settings);
GListModel           *measures_session_get_datasets   (MeasuresSession  *self);
MeasuresIndex        *measures_session_get_index      (MeasuresSession  *self);
MeasuresQuery        *measures_session_get_query      (MeasuresSession  *self);
MeasuresLibrary      *measures_session_get_library    (MeasuresSession  *self);
const MeasuresResult *measures_session_get_result     (MeasuresSession  *self);
GPtrArray            *measures_session_get_problems   (MeasuresSession  *self);
gboolean              measures_session_get_loading    (MeasuresSession  *self);
double                measures_session_get_progress   (MeasuresSession  *self);
gboolean              measures_session_get_show_bundled (MeasuresSession *self);
void                  measures_session_set_show_bundled (MeasuresSession *self,
                                                         gboolean          show_bundled);
const char           *measures_session_get_sort_by    (MeasuresSession  *self);
void                  measures_session_set_sort_by    (MeasuresSession  *self,
                                                       const char       *sort_by);
void                  measures_session_get_sort       (MeasuresSession  *self,
                                                       MeasuresSort     *sort,
                                                       gboolean         *descending);

void                  measures_session_open           (MeasuresSession  *self,
                                                       GFile * const    *files,
                                                       guint             n_files);
void                  measures_session_add_files      (MeasuresSession  *self,
                                                       GFile * const    *files,
                                                       guint             n_files);
void                  measures_session_remove_file    (MeasuresSession  *self,
                                                       GFile            *file);
gboolean              measures_session_undo_remove    (MeasuresSession  *self);
void                  measures_session_reload         (MeasuresSession  *self);
void                  measures_session_cancel_load    (MeasuresSession  *self);
gboolean              measures_session_load           (MeasuresSession  *self,
                                                       GFile * const    *files,
                                                       guint             n_files,
                                                       GCancellable     *cancellable);
void                  measures_session_hold           (MeasuresSession  *self);
void                  measures_session_release        (MeasuresSession  *self);
void                  measures_session_stop           (MeasuresSession  *self);
void                  measures_session_save           (MeasuresSession  *self);
void                  measures_session_set_own_records (MeasuresSession *self,
                                                        MeasuresOwnRecords *own_records);

G_END_DECLS
