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
                          { 0, 0, 0, 1 }, TRUE, (const guint *) label->keep->data, label->keep->len };

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
