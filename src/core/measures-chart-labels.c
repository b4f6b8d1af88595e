/* measures-chart-labels.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-chart"

#include "config.h"

#include <string.h>

#include "measures-chart-private.h"

/* The labels of the charts that need more than a place to be drawn: the
 * titles of the timeline, shortened so that they still tell measures
 * apart. */

/* How many characters @a and @b have alike at their start. */
static glong
common_start (const char *a,
              const char *b)
{
  glong n = 0;

  while (*a != '\0' && *b != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
      n++;
    }

  return n;
}

void
_measures_chart_timeline_labels_free (MeasuresChartLabel *labels,
                                      guint               rows)
{
  for (guint i = 0; labels != NULL && i < rows; i++)
    {
      g_free (labels[i].text);
      g_array_unref (labels[i].keep);
      g_free (labels[i].shown);
    }
  g_free (labels);
}

static void
fit_timeline_label (MeasuresCanvas     *canvas,
                    MeasuresChartLabel *label,
                    double              max_width)
{
  MeasuresTextRun run = { label->text, 0, 0, MEASURES_CHART_LABEL_SIZE, FALSE, max_width, MEASURES_ALIGN_START,
                          { 0, 0, 0, 1 }, TRUE, (const guint *) (void *) label->keep->data, label->keep->len };

  g_free (label->shown);
  label->shown = measures_canvas_fit_text (canvas, &run, NULL);
}

/* The title of @label, after the country heading it. */
static const char *
title_of (const MeasuresChartLabel *label)
{
  return g_utf8_offset_to_pointer (label->text, label->start);
}

/* What @label shows of its title: a reader compares titles, whether or
 * not a country heads them. */
static const char *
shown_title (const MeasuresChartLabel *label)
{
  gsize head = g_utf8_offset_to_pointer (label->text, label->start) - label->text;

  if (strncmp (label->shown, label->text, head) == 0)
    return label->shown + head;

  return label->shown;
}

/* The labels of the first @rows rows, shortened to @max_width: each
 * keeps the country heading it, the first word of its title, its years
 * and its end. Two titles that differ but would look alike keep, each,
 * the word where they first differ, until they differ on screen too. */
MeasuresChartLabel *
_measures_chart_timeline_labels (MeasuresCanvas   *canvas,
                                 MeasuresOverview *overview,
                                 guint             rows,
                                 double            max_width)
{
  MeasuresChartLabel *labels = g_new0 (MeasuresChartLabel, MAX (rows, 1));
  const char *country = NULL;

  for (guint i = 0; i < rows; i++)
    {
      const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, i);
      g_autofree char *head = g_strcmp0 (country, row->country) != 0 ? g_strdup_printf ("%s — ", row->country)
                                                                     : g_strdup ("");
      guint offset = 0;

      labels[i].keep = g_array_new (FALSE, FALSE, sizeof (guint));
      labels[i].start = (guint) g_utf8_strlen (head, -1);
      labels[i].text = g_strconcat (head, row->title != NULL ? row->title : "", NULL);
      /* In the order they may go when even they do not fit: the
       * title's first word, then the heading from its end back; the
       * words where titles differ, added below, go last. */
      g_array_append_val (labels[i].keep, labels[i].start);
      for (const char *c = head; *c != '\0'; c = g_utf8_next_char (c), offset++)
        if (offset == 0 || g_unichar_isspace (g_utf8_get_char (c)))
          g_array_insert_val (labels[i].keep, 1, offset);
      fit_timeline_label (canvas, &labels[i], max_width);
      country = row->country;
    }

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GHashTable) first_shown = g_hash_table_new (g_str_hash, g_str_equal);
      g_autofree gboolean *again = g_new0 (gboolean, MAX (rows, 1));
      gboolean any = FALSE;

      for (guint i = 0; i < rows; i++)
        {
          MeasuresChartLabel *a, *b = &labels[i];
          gpointer found;
          guint common;

          if (!g_hash_table_lookup_extended (first_shown, shown_title (b), NULL, &found))
            {
              g_hash_table_insert (first_shown, (gpointer) shown_title (b), GUINT_TO_POINTER (i));
              continue;
            }

          /* Alike on screen, not in full: they, and every title that
           * starts as they do up to where they differ, keep the word
           * where each differs, so that none of the family is left
           * without it. */
          a = &labels[GPOINTER_TO_UINT (found)];
          if (g_str_equal (title_of (a), title_of (b)))
            continue;
          common = (guint) common_start (title_of (a), title_of (b));
          for (guint c = 0; c < rows; c++)
            {
              MeasuresChartLabel *member = &labels[c];
              guint with_a = (guint) common_start (title_of (a), title_of (member));
              guint at;

              if (with_a < common || (member != a && g_str_equal (title_of (a), title_of (member))))
                continue;
              at = member->start + (member == a ? common : with_a);
              g_array_append_val (member->keep, at);
              again[c] = any = TRUE;
            }
        }

      if (!any)
        break;
      for (guint i = 0; i < rows; i++)
        if (again[i])
          fit_timeline_label (canvas, &labels[i], max_width);
    }

  return labels;
}

/* Labels along an axis
 *
 * The years under the bars, the figures over them and the years over
 * the timeline are one label a column, and columns can be a few units
 * wide. Of the labels that would overlap, only some are shown: those of
 * every k-th year, k the first of 1, 2, 5, 10, 20, 50… whose columns
 * are wide enough for the widest label, the years that end in a round
 * number; before them, those the caller needs most (the first and last
 * year, the highest bar), and none that would touch one already shown.
 * Each is kept inside the chart rather than clipped at its edge. */

/* The room between two labels side by side. */
#define GAP 6.0

static guint
nice_every (double step,
            double widest)
{
  static const guint steps[] = { 1, 2, 5 };

  for (guint scale = 1; scale <= 1000000; scale *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (steps[i] * scale * step >= widest + GAP)
        return steps[i] * scale;

  return G_MAXUINT;
}

static gboolean
overlaps (const MeasuresChartTick *a,
          const MeasuresChartTick *b)
{
  return a->x < b->x + b->width + GAP && b->x < a->x + a->width + GAP &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
place (MeasuresChartTick *ticks,
       guint              n,
       guint              i)
{
  if (ticks[i].shown || ticks[i].text == NULL)
    return FALSE;

  for (guint j = 0; j < n; j++)
    if (ticks[j].shown && overlaps (&ticks[i], &ticks[j]))
      return FALSE;

  ticks[i].shown = TRUE;

  return TRUE;
}

/**
 * _measures_chart_thin_labels:
 * @ticks: (array length=n): the labels, a column each, with their text
 *   (%NULL for a column with none), place and size
 * @n: how many
 * @step: how far apart the columns are
 * @years: (array length=n): the year of each column
 * @first: (array length=n_first): the labels to show before the others,
 *   when they fit
 * @n_first: how many
 * @width: the width of the chart: labels stay inside it
 *
 * Marks the labels to show as shown, none overlapping another.
 */
void
_measures_chart_thin_labels (MeasuresChartTick *ticks,
                             guint              n,
                             double             step,
                             const int         *years,
                             const guint       *first,
                             guint              n_first,
                             double             width)
{
  double widest = 0;
  guint every;

  for (guint i = 0; i < n; i++)
    {
      ticks[i].shown = FALSE;
      if (ticks[i].text == NULL)
        continue;
      widest = MAX (widest, ticks[i].width);
      ticks[i].x = CLAMP (ticks[i].x, 0, MAX (width - ticks[i].width, 0));
    }

  for (guint k = 0; k < n_first; k++)
    if (first[k] < n)
      place (ticks, n, first[k]);

  every = nice_every (step, widest);
  for (guint i = 0; i < n && every != G_MAXUINT; i++)
    if (years[i] % (int) every == 0)
      place (ticks, n, i);
}
