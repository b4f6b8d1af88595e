/* measures-store.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words longer than this are indexed by their first bytes, which answers
 * every prefix query up to that length. */
#define MEASURES_WORD_MAX 255

typedef struct _MeasuresStrings MeasuresStrings;

MeasuresStrings *measures_strings_new           (gsize            block_size);
MeasuresStrings *measures_strings_new_for_bytes (GBytes          *bytes);
MeasuresStrings *measures_strings_ref           (MeasuresStrings *self);
void             measures_strings_unref         (MeasuresStrings *self);
const char      *measures_strings_add           (MeasuresStrings *self,
                                                 const char      *text);
const char      *measures_strings_intern        (MeasuresStrings *self,
                                                 const char      *text);

typedef struct _MeasuresWords MeasuresWords;

MeasuresWords   *measures_words_new             (void);
MeasuresWords   *measures_words_ref             (MeasuresWords   *self);
void             measures_words_unref           (MeasuresWords   *self);
guint            measures_words_get_n_words     (MeasuresWords   *self);
const char      *measures_words_get_word        (MeasuresWords   *self,
                                                 guint            id);
guint32         *measures_words_collect         (MeasuresWords   *self,
                                                 const char      *folded,
                                                 guint           *n_ids);
guint32         *measures_words_collect_texts   (MeasuresWords   *self,
                                                 const char * const *texts,
                                                 guint            n_texts,
                                                 guint           *n_ids);
guint8          *measures_words_collect_texts_packed (MeasuresWords *self,
                                                      const char * const *texts,
                                                      guint            n_texts,
                                                      guint           *n_ids,
                                                      gsize           *n_bytes);
void             measures_words_unpack          (const guint8    *packed,
                                                 gsize            n_bytes,
                                                 guint            n_ids,
                                                 guint32         *ids);
void             measures_words_freeze          (MeasuresWords   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresStrings, measures_strings_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresWords, measures_words_unref)

G_END_DECLS
