/* measures-query.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "measures-library.h"
#include "measures-measure.h"
#include "measures-vocabulary.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_QUERY (measures_query_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresQuery, measures_query, MEASURES, QUERY, GObject)

MeasuresQuery *measures_query_new          (void);
void           measures_query_set_places   (MeasuresQuery        *self,
                                            const char * const   *countries,
                                            const char * const   *regions);
void           measures_query_set_values   (MeasuresQuery        *self,
                                            MeasuresFacet         facet,
                                            const char * const   *values);
/* *INDENT-OFF* */
const char * const *
               measures_query_get_values   (MeasuresQuery        *self,
                                            MeasuresFacet         facet);
const char * const *
               measures_query_get_chosen   (MeasuresQuery        *self,
                                            MeasuresFacet         facet);
/* *INDENT-ON* */
void           measures_query_assign       (MeasuresQuery        *self,
                                            MeasuresQuery        *other);
void           measures_query_clear        (MeasuresQuery        *self);
char          *measures_query_describe     (MeasuresQuery        *self);
gboolean       measures_query_has_years    (MeasuresQuery        *self);
void           measures_query_get_years    (MeasuresQuery        *self,
                                            int                  *from,
                                            int                  *to);
/* *INDENT-OFF* */
const char * const *
               measures_query_get_search_words (MeasuresQuery    *self);
/* *INDENT-ON* */
void           measures_query_set_types    (MeasuresQuery        *self,
                                            const char * const   *types);
void           measures_query_set_forms    (MeasuresQuery        *self,
                                            const char * const   *forms);
void           measures_query_set_years    (MeasuresQuery        *self,
                                            int                   from,
                                            int                   to);
void           measures_query_set_search   (MeasuresQuery        *self,
                                            const char           *text);
const char    *measures_query_get_search   (MeasuresQuery        *self);
gboolean       measures_query_is_empty     (MeasuresQuery        *self);
gboolean       measures_query_matches      (MeasuresQuery        *self,
                                            MeasuresMeasure      *measure);

void           measures_query_set_library  (MeasuresQuery        *self,
                                            MeasuresLibrary      *library);
MeasuresLibrary *
measures_query_get_library  (MeasuresQuery        *self);
void           measures_query_set_starred  (MeasuresQuery        *self,
                                            gboolean              starred);
gboolean       measures_query_get_starred  (MeasuresQuery        *self);
void           measures_query_set_collections (MeasuresQuery     *self,
                                               const char * const   *collections);
/* *INDENT-OFF* */
const char * const *
               measures_query_get_collections (MeasuresQuery     *self);
/* *INDENT-ON* */
void           measures_query_set_notes_only (MeasuresQuery      *self,
                                              gboolean            notes_only);
gboolean       measures_query_get_notes_only (MeasuresQuery      *self);
JsonObject    *measures_query_to_json      (MeasuresQuery        *self);
gboolean       measures_query_assign_json  (MeasuresQuery        *self,
                                            JsonObject           *object,
                                            GError              **error);

G_END_DECLS
