/* measures-canvas-shorten.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-canvas"

#include "config.h"

#include <string.h>

#include "measures-canvas-private.h"

/* Text shortened in its middle, for titles such as "National Action
 * Plan 2018-2020 for Implementing the National Strategy Against
 * Trafficking in Persons 2018-2022": what tells two of them apart is
 * their start, their years (wherever they are) and their end, so those
 * words stay and the text between them goes, no more than needed.
 *
 * A word stays when it is the first or the last, holds a digit, or
 * holds one of the characters the caller asks to keep (where the title
 * first differs from another's). The text between them is cut from the
 * end back, so that the start stays whole longest: the last stretch of
 * free words loses its end, at a character, up to the words that stay
 * after it ("… Trafficking in Pers… 2018-2022"); when that stretch is not
 * enough it goes whole ("… 2018-2022"), and the stretch before it loses
 * its end, and so on. Only when no free text is left are the first word,
 * the words kept and the words that hold digits removed, whole, from the
 * end back, in that order. The last word always stays; a text that
 * cannot fit even so is left to the caller's shortening by characters.
 *
 * Widths come from the widths of the text's characters in its one
 * shaping, so the choice costs no shaping; the caller shapes the
 * candidates, best first, to check them. */

typedef struct
{
  glong start;    /* its first character */
  glong end;      /* after its last */
  guint tier;     /* in which round it may go: 0 first; never for the last */
} Word;

/* In the order they go when nothing free is left: the years in the
 * middle tell a series of plans apart, and go last. */
enum
{
  TIER_FREE,      /* a word between those that stay */
  TIER_FIRST,     /* the first word */
  TIER_KEPT,      /* holds a character to keep */
  TIER_DIGITS,    /* holds a digit: a year, a number of a law */
  TIER_LAST,      /* the last word: never removed here */
};

/* Titles have a few dozen words; beyond this, shortening by words
 * costs more than it helps. */
#define MOST_WORDS 200

/* The word that holds character @offset, or the one after the space
 * that holds it; words->len for none. */
static guint
word_of (GArray *words,
         guint   offset)
{
  for (guint w = 0; w < words->len; w++)
    if (offset < (guint) g_array_index (words, Word, w).end)
      return w;

  return words->len;
}

static GArray *
split_words (const char  *text,
             glong        length,
             const guint *keep,
             guint        n_keep)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;
  glong offset = 0;

  while (offset < length)
    {
      Word word = { 0, 0, TIER_FREE };
      gboolean digit = FALSE;

      while (offset < length && g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          offset++;
        }
      if (offset >= length)
        break;

      word.start = offset;
      while (offset < length && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          digit |= g_unichar_isdigit (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
          offset++;
        }
      word.end = offset;
      word.tier = digit ? TIER_DIGITS : TIER_FREE;
      g_array_append_val (words, word);
    }

  if (words->len > 0)
    g_array_index (words, Word, 0).tier = MAX (g_array_index (words, Word, 0).tier, TIER_FIRST);
  /* A character to keep in the space before a word keeps that word. */
  for (guint k = 0; k < n_keep; k++)
    {
      guint w = word_of (words, keep[k]);

      if (w < words->len)
        g_array_index (words, Word, w).tier = MAX (g_array_index (words, Word, w).tier, TIER_KEPT);
    }
  if (words->len > 0)
    g_array_index (words, Word, words->len - 1).tier = TIER_LAST;

  return words;
}


typedef struct
{
  glong from;     /* the first character cut */
  glong to;       /* after the last */
} Cut;

static int
compare_cuts (gconstpointer a,
              gconstpointer b)
{
  const Cut *x = a, *y = b;

  return (x->from > y->from) - (x->from < y->from);
}

/* The estimated width of @text with each cut replaced with "…". */
static double
estimate (const double *prefix,
          glong         length,
          double        ellipsis,
          GArray       *cuts)
{
  double width = prefix[length];

  for (guint c = 0; c < cuts->len; c++)
    {
      const Cut *cut = &g_array_index (cuts, Cut, c);

      width -= prefix[cut->to] - prefix[cut->from] - ellipsis;
    }

  return width;
}

static char *
cut_text (const char *text,
          GArray     *cuts)
{
  g_autoptr(GArray) sorted = g_array_copy (cuts);
  GString *out = g_string_new (NULL);
  const char *done = text;

  g_array_sort (sorted, compare_cuts);
  for (guint c = 0; c < sorted->len; c++)
    {
      const Cut *cut = &g_array_index (sorted, Cut, c);
      const char *from = g_utf8_offset_to_pointer (text, cut->from);

      g_string_append_len (out, done, from - done);
      g_string_append (out, "…");
      done = g_utf8_offset_to_pointer (text, cut->to);
    }
  g_string_append (out, done);

  return g_string_free (out, FALSE);
}

/* The cuts of the words marked in @removed, a run of them in each. */
static void
word_cuts (GArray         *words,
           const gboolean *removed,
           GArray         *cuts)
{
  g_array_set_size (cuts, 0);
  for (guint w = 0; w < words->len; w++)
    if (removed[w] && (w == 0 || !removed[w - 1]))
      {
        Cut cut = { g_array_index (words, Word, w).start, 0 };
        guint last = w;

        while (last + 1 < words->len && removed[last + 1])
          last++;
        cut.to = g_array_index (words, Word, last).end;
        g_array_append_val (cuts, cut);
      }
}

/**
 * _measures_canvas_shorten_middle:
 * @text: the text, which does not fit
 * @prefix: the width of the first k characters of @text, for k from 0
 *   to @length
 * @length: how many characters @text has
 * @ellipsis: the width of "…"
 * @max_width: the width to fit
 * @keep: (array length=n_keep): offsets of characters whose words stay
 * @n_keep: how many
 *
 * Returns: (transfer full) (element-type utf8): shortenings of @text
 *   estimated to fit, best first; none when it cannot fit with its last
 *   word whole
 */
GPtrArray *
_measures_canvas_shorten_middle (const char   *text,
                                 const double *prefix,
                                 glong         length,
                                 double        ellipsis,
                                 double        max_width,
                                 const guint  *keep,
                                 guint         n_keep)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) words = split_words (text, length, keep, n_keep);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (Cut));
  g_autoptr(GArray) order = NULL;
  g_autofree gboolean *removed = NULL;

  if (words->len < 2 || words->len > MOST_WORDS)
    return candidates;

  /* The stretches of free words, from the last back. */
  for (guint w = words->len; w-- > 0;)
    {
      const Word *last = &g_array_index (words, Word, w);
      guint first = w;
      Cut cut;

      if (last->tier != TIER_FREE)
        continue;
      while (first > 0 && g_array_index (words, Word, first - 1).tier == TIER_FREE)
        first--;

      /* The whole stretch, unless less of its end is enough. */
      cut.from = g_array_index (words, Word, first).start;
      cut.to = last->end;
      g_array_append_val (cuts, cut);
      if (estimate (prefix, length, ellipsis, cuts) <= max_width)
        {
          Cut *end = &g_array_index (cuts, Cut, cuts->len - 1);
          glong low = end->from, high = end->to;

          /* The latest start of the cut that still fits, by bisection. */
          while (low < high)
            {
              glong middle = (low + high + 1) / 2;

              end->from = middle;
              if (estimate (prefix, length, ellipsis, cuts) <= max_width)
                low = middle;
              else
                high = middle - 1;
            }
          end->from = low;

          /* No word cut to a letter or two: it goes whole instead. */
          for (guint k = first; k <= w; k++)
            {
              const Word *word = &g_array_index (words, Word, k);

              if (end->from > word->start && end->from < word->start + 3)
                end->from = word->start;
            }

          /* A character less, twice, in case shaping the result again
           * makes it wider than estimated. */
          for (guint back = 0; back < 3 && end->from >= g_array_index (words, Word, first).start; back++)
            {
              g_ptr_array_add (candidates, cut_text (text, cuts));
              if (end->from == g_array_index (words, Word, first).start)
                break;
              end->from--;
            }
          return candidates;
        }
      w = first;
    }

  /* No free text is left: the other words but the last: the first,
   * those kept in the order given, then those with digits from the end
   * back. */
  removed = g_new0 (gboolean, words->len);
  for (guint w = 0; w < words->len; w++)
    removed[w] = g_array_index (words, Word, w).tier == TIER_FREE;
  order = g_array_new (FALSE, FALSE, sizeof (guint));
  if (g_array_index (words, Word, 0).tier == TIER_FIRST)
    {
      guint first = 0;

      g_array_append_val (order, first);
    }
  for (guint k = 0; k < n_keep; k++)
    {
      guint w = word_of (words, keep[k]);

      if (w < words->len && g_array_index (words, Word, w).tier == TIER_KEPT)
        g_array_append_val (order, w);
    }
  for (guint w = words->len; w-- > 0;)
    if (g_array_index (words, Word, w).tier == TIER_DIGITS)
      g_array_append_val (order, w);

  for (guint i = 0; i < order->len && candidates->len < 3; i++)
    {
      guint w = g_array_index (order, guint, i);

      if (removed[w])
        continue;
      removed[w] = TRUE;
      word_cuts (words, removed, cuts);
      if (estimate (prefix, length, ellipsis, cuts) <= max_width)
        g_ptr_array_add (candidates, cut_text (text, cuts));
    }

  return candidates;
}
