/* measures-measure.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "measures-localized.h"
#include "measures-store.h"
#include "measures-text.h"

G_BEGIN_DECLS

/* The format name written to, and accepted from, dataset files. */
#define MEASURES_FORMAT "measures-1"

/* The key of an edited copy (of My Measures) that names the measure it
 * was made from: { "dataset": URI, "record": { …the original… } }. */
#define MEASURES_EDITED_FROM_KEY "edited_from"

#define MEASURES_TYPE_MEASURE (measures_measure_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasure, measures_measure, MEASURES, MEASURE, GObject)

MeasuresMeasure          *measures_measure_new_from_json   (JsonObject            *object,
                                                            GError               **error);
MeasuresMeasure          *measures_measure_new_from_json_in (JsonObject           *object,
                                                             MeasuresStrings      *strings,
                                                             GError              **error);
JsonNode                 *measures_measure_to_json         (MeasuresMeasure       *self);
char                     *measures_measure_list_to_json    (GPtrArray             *measures,
                                                            gsize                 *length);
const char               *measures_measure_get_id          (MeasuresMeasure       *self);
const char               *measures_measure_get_country     (MeasuresMeasure       *self);
const char               *measures_measure_get_region      (MeasuresMeasure       *self);
const char               *measures_measure_get_given_region (MeasuresMeasure      *self);
int                       measures_measure_get_year_from   (MeasuresMeasure       *self);
int                       measures_measure_get_year_to     (MeasuresMeasure       *self);
char                     *measures_measure_dup_years_label (MeasuresMeasure       *self);
const char * const       *measures_measure_get_types       (MeasuresMeasure       *self);
const char * const       *measures_measure_get_forms       (MeasuresMeasure       *self);
MeasuresLocalized        *measures_measure_get_title       (MeasuresMeasure       *self);
MeasuresLocalized        *measures_measure_get_description (MeasuresMeasure       *self);
MeasuresLocalized        *measures_measure_get_source      (MeasuresMeasure       *self);
MeasuresLocalized        *measures_measure_get_more_info   (MeasuresMeasure       *self);
MeasuresLocalized        *measures_measure_get_full_text   (MeasuresMeasure       *self);
MeasuresLocalized        *measures_measure_get_classification (MeasuresMeasure    *self);
gboolean                  measures_measure_get_title_derived (MeasuresMeasure     *self);
const char               *measures_measure_get_url         (MeasuresMeasure       *self);
char                     *measures_measure_dup_search_text (MeasuresMeasure       *self);
char                     *measures_measure_dup_own_words   (MeasuresMeasure       *self);
void                      measures_measure_index_words     (MeasuresMeasure       *self,
                                                            MeasuresWords         *words);
const guint8             *measures_measure_get_word_ids    (MeasuresMeasure       *self,
                                                            guint                 *n_ids,
                                                            gsize                 *n_bytes,
                                                            MeasuresWords        **words);
void                      measures_measure_forget_words    (MeasuresMeasure       *self);

MeasuresMeasure          *measures_measure_new_from_parts  (MeasuresStrings       *strings,
                                                            const char            *id,
                                                            const char            *country,
                                                            const char            *known_region,
                                                            const char            *region,
                                                            const char            *url,
                                                            int                    year_from,
                                                            int                    year_to,
                                                            const char           **values,
                                                            guint                  n_types,
                                                            MeasuresLocalized    **texts,
                                                            gboolean               title_derived,
                                                            JsonObject            *extra);
JsonObject               *measures_measure_get_extra       (MeasuresMeasure       *self);
const char               *measures_measure_resolve_title   (MeasuresMeasure       *self,
                                                            const char * const    *langs);

G_END_DECLS
