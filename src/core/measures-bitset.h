/* measures-bitset.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fixed-size set of record numbers, one bit each. Facet values,
 * search words and query results are all bitsets, so that combining
 * them is a few thousand word operations even at 100,000 records. */
typedef struct
{
  guint    n_bits;
  guint    n_words;
  guint64 *words;
} MeasuresBitset;

MeasuresBitset *measures_bitset_new        (guint                 n_bits);
MeasuresBitset *measures_bitset_copy       (const MeasuresBitset *self);
void            measures_bitset_free       (MeasuresBitset       *self);
void            measures_bitset_fill       (MeasuresBitset       *self);
void            measures_bitset_clear      (MeasuresBitset       *self);
void            measures_bitset_assign     (MeasuresBitset       *self,
                                            const MeasuresBitset *other);
void            measures_bitset_and        (MeasuresBitset       *self,
                                            const MeasuresBitset *other);
void            measures_bitset_or         (MeasuresBitset       *self,
                                            const MeasuresBitset *other);
guint           measures_bitset_count      (const MeasuresBitset *self);
guint           measures_bitset_count_and  (const MeasuresBitset *a,
                                            const MeasuresBitset *b);
gboolean        measures_bitset_equal      (const MeasuresBitset *a,
                                            const MeasuresBitset *b);

static inline void
measures_bitset_set (MeasuresBitset *self,
                     guint           bit)
{
  self->words[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
}

static inline gboolean
measures_bitset_get (const MeasuresBitset *self,
                     guint                 bit)
{
  return (self->words[bit >> 6] >> (bit & 63)) & 1;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresBitset, measures_bitset_free)

G_END_DECLS
