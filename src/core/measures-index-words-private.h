/* measures-index-words-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-bitset.h"

G_BEGIN_DECLS

typedef struct _MeasuresWordIndex MeasuresWordIndex;

MeasuresWordIndex *_measures_word_index_new_for_measures (GPtrArray               *measures);
MeasuresWordIndex *_measures_word_index_new_for_texts    (const char * const      *texts,
                                                          guint                    n_texts);
MeasuresWordIndex *_measures_word_index_new_borrowed     (GBytes                  *bytes,
                                                          const char             **words,
                                                          guint                    n_words,
                                                          const guint64           *ends,
                                                          const guint8            *postings,
                                                          gsize                    n_postings,
                                                          guint                    n_records,
                                                          gboolean                 check_lists);
MeasuresWordIndex *_measures_word_index_remap            (const MeasuresWordIndex *self,
                                                          const guint             *map,
                                                          guint                    n_records);
MeasuresWordIndex *_measures_word_index_ref              (MeasuresWordIndex       *self);
void               _measures_word_index_unref            (MeasuresWordIndex       *self);
guint              _measures_word_index_get_n_records    (const MeasuresWordIndex *self);
guint              _measures_word_index_get_n_words      (const MeasuresWordIndex *self);
const char        *_measures_word_index_get_word         (const MeasuresWordIndex *self,
                                                          guint                    word);
gsize              _measures_word_index_get_postings     (const MeasuresWordIndex *self,
                                                          const guint64          **ends,
                                                          const guint8           **postings);
void               _measures_word_index_add_prefix       (const MeasuresWordIndex *self,
                                                          const char              *prefix,
                                                          const guint             *map,
                                                          guint                    offset,
                                                          MeasuresBitset          *bits);
int                _measures_word_index_compare_uint     (gconstpointer            a,
                                                          gconstpointer            b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresWordIndex, _measures_word_index_unref)

G_END_DECLS
