/* measures-own-records.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-measure.h"

G_BEGIN_DECLS

/* The file of the user's own measures, in $XDG_DATA_HOME/measures/. */
#define MEASURES_OWN_RECORDS_FILE_NAME "my-measures.json"

#define MEASURES_TYPE_OWN_RECORDS (measures_own_records_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresOwnRecords, measures_own_records, MEASURES, OWN_RECORDS, GObject)

MeasuresOwnRecords *measures_own_records_new              (GFile              *file);
MeasuresOwnRecords *measures_own_records_get_default      (void);
GFile              *measures_own_records_get_default_file (void);
GFile              *measures_own_records_get_file         (MeasuresOwnRecords *self);
GPtrArray          *measures_own_records_get_measures     (MeasuresOwnRecords *self);
MeasuresMeasure    *measures_own_records_lookup           (MeasuresOwnRecords *self,
                                                           const char         *id);
gboolean            measures_own_records_has_file         (MeasuresOwnRecords *self);
const char         *measures_own_records_get_problem      (MeasuresOwnRecords *self);
GFile              *measures_own_records_get_set_aside    (MeasuresOwnRecords *self);
const GError       *measures_own_records_get_save_error   (MeasuresOwnRecords *self);
gboolean            measures_own_records_get_saved        (MeasuresOwnRecords *self);
void                measures_own_records_put              (MeasuresOwnRecords *self,
                                                           MeasuresMeasure    *measure);
gboolean            measures_own_records_remove           (MeasuresOwnRecords *self,
                                                           const char         *id);
MeasuresMeasure    *measures_own_records_undo_remove      (MeasuresOwnRecords *self);
gboolean            measures_own_records_flush            (MeasuresOwnRecords *self,
                                                           GError            **error);
char               *measures_own_records_unique_id        (MeasuresOwnRecords *self,
                                                           const char         *wanted,
                                                           GHashTable         *taken);

MeasuresMeasure    *measures_own_records_make_edited_copy (MeasuresMeasure    *edited,
                                                           MeasuresMeasure    *original,
                                                           GFile              *dataset,
                                                           GError            **error);
char               *measures_own_records_describe_dataset (const char     *uri);
const char         *measures_measure_get_edited_from      (MeasuresMeasure    *measure);
MeasuresMeasure    *measures_measure_dup_original         (MeasuresMeasure    *measure);

G_END_DECLS
