/* measures-bitset.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "measures-bitset.h"

MeasuresBitset *
measures_bitset_new (guint n_bits)
{
  MeasuresBitset *self = g_new0 (MeasuresBitset, 1);

  self->n_bits = n_bits;
  self->n_words = (n_bits + 63) / 64;
  self->words = g_new0 (guint64, MAX (self->n_words, 1));

  return self;
}

MeasuresBitset *
measures_bitset_copy (const MeasuresBitset *self)
{
  MeasuresBitset *copy = measures_bitset_new (self->n_bits);

  measures_bitset_assign (copy, self);

  return copy;
}

void
measures_bitset_free (MeasuresBitset *self)
{
  if (self == NULL)
    return;

  g_free (self->words);
  g_free (self);
}

/* Sets every bit below n_bits; the bits past the end stay clear so that
 * counting never sees them. */
void
measures_bitset_fill (MeasuresBitset *self)
{
  if (self->n_words == 0)
    return;

  memset (self->words, 0xff, self->n_words * sizeof (guint64));
  if (self->n_bits % 64 != 0)
    self->words[self->n_words - 1] = (G_GUINT64_CONSTANT (1) << (self->n_bits % 64)) - 1;
}

void
measures_bitset_clear (MeasuresBitset *self)
{
  memset (self->words, 0, MAX (self->n_words, 1) * sizeof (guint64));
}

void
measures_bitset_assign (MeasuresBitset       *self,
                        const MeasuresBitset *other)
{
  g_assert (self->n_bits == other->n_bits);

  memcpy (self->words, other->words, self->n_words * sizeof (guint64));
}

void
measures_bitset_and (MeasuresBitset       *self,
                     const MeasuresBitset *other)
{
  g_assert (self->n_bits == other->n_bits);

  for (guint i = 0; i < self->n_words; i++)
    self->words[i] &= other->words[i];
}

void
measures_bitset_or (MeasuresBitset       *self,
                    const MeasuresBitset *other)
{
  g_assert (self->n_bits == other->n_bits);

  for (guint i = 0; i < self->n_words; i++)
    self->words[i] |= other->words[i];
}

/* Processors of x86-64 have counted a word's bits in one instruction
 * since 2008, but the baseline distributions build for has no such
 * instruction, and each word then costs a call into libgcc. Where the
 * compiler can make code for it, the counts below are made twice, and
 * the one the processor runs is picked at each call (a load of what
 * libgcc found at start). target_clones would pick it once, but clang
 * before 18 gives its callers in other files no symbol to call. */
static inline guint
count_words (const guint64 *words,
             guint          n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += __builtin_popcountll (words[i]);

  return count;
}

static inline guint
count_words_and (const guint64 *a,
                 const guint64 *b,
                 guint          n)
{
  guint count = 0;

  for (guint i = 0; i < n; i++)
    count += __builtin_popcountll (a[i] & b[i]);

  return count;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target ("popcnt"))) static guint
count_words_popcnt (const guint64 *words,
                    guint          n)
{
  return count_words (words, n);
}

__attribute__((target ("popcnt"))) static guint
count_words_and_popcnt (const guint64 *a,
                        const guint64 *b,
                        guint          n)
{
  return count_words_and (a, b, n);
}
#define HAS_POPCNT() __builtin_cpu_supports ("popcnt")
#else
#define count_words_popcnt count_words
#define count_words_and_popcnt count_words_and
#define HAS_POPCNT() FALSE
#endif

guint
measures_bitset_count (const MeasuresBitset *self)
{
  if (HAS_POPCNT ())
    return count_words_popcnt (self->words, self->n_words);

  return count_words (self->words, self->n_words);
}

guint
measures_bitset_count_and (const MeasuresBitset *a,
                           const MeasuresBitset *b)
{
  g_assert (a->n_bits == b->n_bits);

  if (HAS_POPCNT ())
    return count_words_and_popcnt (a->words, b->words, a->n_words);

  return count_words_and (a->words, b->words, a->n_words);
}

gboolean
measures_bitset_equal (const MeasuresBitset *a,
                       const MeasuresBitset *b)
{
  return a->n_bits == b->n_bits &&
         memcmp (a->words, b->words, a->n_words * sizeof (guint64)) == 0;
}
