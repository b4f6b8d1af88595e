/* measures-measure-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-index-words-private.h"
#include "measures-measure.h"

G_BEGIN_DECLS

/* What a record holds, read and checked, before it becomes a measure:
 * borrowed strings (%NULL for none or empty), the distinct non-empty
 * types and forms, the six localized texts (title, description, full
 * text, source, more information, classification; %NULL for none) and
 * the unknown keys,
 * owned. */
typedef struct
{
  const char *id;
  const char *country;
  const char *region;
  const char *url;
  int year_from;
  int year_to;
  GPtrArray *types;
  GPtrArray *forms;
  MeasuresLocalized *texts[6];
  gboolean title_derived;
  JsonObject *extra;
} MeasuresMeasureFields;

MeasuresMeasure *_measures_measure_new_from_fields (MeasuresStrings       *strings,
                                                    MeasuresMeasureFields *fields,
                                                    GError               **error);
void             _measures_measure_set_word_index  (MeasuresMeasure       *self,
                                                    MeasuresWordIndex     *word_index,
                                                    GDestroyNotify         unref,
                                                    guint                  ordinal);
MeasuresWordIndex *_measures_measure_get_word_index (MeasuresMeasure      *self,
                                                     guint                 *ordinal);

/* Reads unknown keys a cache checked into an object. */
typedef JsonObject *(*MeasuresExtraParser) (const char *text);

void             _measures_measure_set_extra_text  (MeasuresMeasure       *self,
                                                    const char            *text,
                                                    MeasuresExtraParser    parse);

G_END_DECLS
