/* measures-chart-table.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "measures-chart-private.h"
#include "measures-text.h"

/* The charts' words: in the summary's language or the interface's, and
 * for people rather than drawing: tooltips, each chart's table (its
 * text alternative) and its description in one text. */

/* A word of the charts in the language of @style, or the interface's. */
const char *
_measures_chart_tr (const MeasuresChartStyle *style,
                    const char               *context,
                    const char               *msgid)
{
  if (style != NULL && style->translations != NULL)
    return measures_translations_get (style->translations, context, msgid);
  if (context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);

  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

const char *
_measures_chart_ntr (MeasuresTranslations *translations,
                     const char           *msgid,
                     const char           *plural,
                     gulong                n)
{
  if (translations != NULL)
    return measures_translations_nget (translations, msgid, plural, n);

  return g_dngettext (GETTEXT_PACKAGE, msgid, plural, n);
}

/* What drawing and words share of the figures. */

GArray *
_measures_chart_counts (MeasuresOverview *overview,
                        MeasuresChart     chart)
{
  return chart == MEASURES_CHART_FORMS ? overview->by_form : overview->by_type;
}

guint
_measures_chart_timeline_rows (MeasuresOverview         *overview,
                               const MeasuresChartStyle *style)
{
  guint most = style != NULL && style->timeline_rows > 0 ? style->timeline_rows : MEASURES_CHART_TIMELINE_ROWS;

  return MIN (overview->timeline->len, most);
}

/* Words for people: tooltips and tables */

static char *
measures_text (MeasuresTranslations *translations,
               guint                 n)
{
  g_autofree char *count = measures_text_format_count (n);

  /* The same plural message as the window's subtitle. */
  return g_strdup_printf (ntr (translations, "%s measure", "%s measures", n), count);
}

static char *
period_text (MeasuresTranslations *translations,
             int                   from,
             int                   to)
{
  MeasuresChartStyle style = { FALSE, 0, translations };

  if (to == MEASURES_YEAR_NONE)
    return g_strdup_printf (tr (&style, NULL, "since %d"), from);

  return measures_format_period (from, to);
}

/**
 * measures_chart_describe_hit:
 * @overview: the figures
 * @hit: a thing a chart shows
 *
 * Returns: (transfer full) (nullable): the exact figures of @hit, in the
 *   language of the interface, for a tooltip
 */
char *
measures_chart_describe_hit (MeasuresOverview       *overview,
                             const MeasuresChartHit *hit)
{
  g_return_val_if_fail (overview != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  switch (hit->kind)
    {
    case MEASURES_CHART_HIT_YEAR:
      {
        const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, hit->index);
        GString *out = g_string_new (NULL);
        g_autofree char *total = measures_text_format_count (bin->total);

        /* Translators: a tooltip of the chart per year, "2019: 12 measures in force";
         * %d is the year, %s the number, with the locale's digit grouping */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d: %s measure in force",
                                                  "%d: %s measures in force", bin->total),
                                bin->year, total);
        for (guint c = 0; c < overview->categories->len; c++)
          if (bin->by_category[c] > 0)
            {
              g_autofree char *count = measures_text_format_count (bin->by_category[c]);

              g_string_append_printf (out, "\n%s: %s", (const char *) g_ptr_array_index (overview->categories, c),
                                      count);
            }

        return g_string_free (out, FALSE);
      }
    case MEASURES_CHART_HIT_COUNT:
      {
        /* The index says which of the two lists; both are counts. */
        GArray *counts = hit->part == MEASURES_CHART_FORMS ? overview->by_form : overview->by_type;
        const MeasuresOverviewCount *count = &g_array_index (counts, MeasuresOverviewCount, hit->index);
        g_autofree char *number = measures_text (NULL, count->count);

        return g_strdup_printf ("%s: %s", count->label, number);
      }
    case MEASURES_CHART_HIT_TIMELINE:
      {
        const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, hit->index);
        g_autofree char *period = period_text (NULL, row->from, row->to);

        return g_strdup_printf ("%s\n%s · %s", row->title, row->country, period);
      }
    case MEASURES_CHART_HIT_CATEGORY:
      return g_strdup (g_ptr_array_index (overview->categories, hit->index));
    case MEASURES_CHART_HIT_NONE:
    default:
      return NULL;
    }
}

static void add_printf (GStrvBuilder *builder,
                        const char   *format,
                        ...) G_GNUC_PRINTF (2, 3);

static void
add_printf (GStrvBuilder *builder,
            const char   *format,
            ...)
{
  g_autofree char *cell = NULL;
  va_list args;

  va_start (args, format);
  cell = g_strdup_vprintf (format, args);
  va_end (args);
  g_strv_builder_add (builder, cell);
}

static void
add_count (GStrvBuilder *builder,
           guint         n)
{
  g_autofree char *cell = measures_text_format_count (n);

  g_strv_builder_add (builder, cell);
}

static GStrv
row_of (const char *first,
        ...) G_GNUC_NULL_TERMINATED;

static GStrv
row_of (const char *first,
        ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (builder, cell);
  va_end (args);

  return g_strv_builder_end (builder);
}

/**
 * measures_chart_get_table:
 * @overview: the figures
 * @chart: which chart
 * @translations: (nullable): the language of the headings; %NULL for
 *   the interface's
 *
 * The figures of @chart as a table, its text alternative. Row n + 1
 * is the thing measures_chart_locate() finds at index n: a year, a
 * count or a row of the timeline, as the chart shows them.
 *
 * Returns: (transfer full) (element-type GStrv): the heading row, then
 *   one row per bar or measure
 */
GPtrArray *
measures_chart_get_table (MeasuresOverview     *overview,
                          MeasuresChart         chart,
                          MeasuresTranslations *translations)
{
  MeasuresChartStyle style = { FALSE, 0, translations };
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (overview != NULL, table);

  switch (chart)
    {
    case MEASURES_CHART_YEARS:
      {
        g_autoptr(GStrvBuilder) head = g_strv_builder_new ();

        /* Translators: a column heading of the table of measures per year */
        g_strv_builder_add (head, tr (&style, "column", NC_("column", "Year")));
        /* Translators: a column heading of the table of measures per year */
        g_strv_builder_add (head, tr (&style, "column", NC_("column", "Measures in Force")));
        for (guint c = 0; c < overview->categories->len; c++)
          g_strv_builder_add (head, g_ptr_array_index (overview->categories, c));
        g_ptr_array_add (table, g_strv_builder_end (head));

        for (guint i = 0; i < overview->years->len; i++)
          {
            const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, i);
            g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

            add_printf (row, "%d", bin->year);
            add_count (row, bin->total);
            for (guint c = 0; c < overview->categories->len; c++)
              add_count (row, bin->by_category[c]);
            g_ptr_array_add (table, g_strv_builder_end (row));
          }
        break;
      }
    case MEASURES_CHART_FORMS:
    case MEASURES_CHART_TYPES:
      {
        GArray *counts = _measures_chart_counts (overview, chart);

        g_ptr_array_add (table, row_of (chart == MEASURES_CHART_FORMS ? tr (&style, NULL, N_("Form of Violence"))
                                                                      : tr (&style, NULL, N_("Type of Measure")),
                                        tr (&style, NULL, N_("Measures")), NULL));
        for (guint i = 0; i < counts->len; i++)
          {
            const MeasuresOverviewCount *count = &g_array_index (counts, MeasuresOverviewCount, i);
            g_autofree char *number = measures_text_format_count (count->count);

            g_ptr_array_add (table, row_of (count->label, number, NULL));
          }
        break;
      }
    case MEASURES_CHART_TIMELINE:
      g_ptr_array_add (table, row_of (tr (&style, NULL, N_("Country")), tr (&style, NULL, N_("Title")),
                                      tr (&style, NULL, N_("Years")), NULL));
      for (guint i = 0; i < _measures_chart_timeline_rows (overview, NULL); i++)
        {
          const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, i);
          g_autofree char *period = period_text (translations, row->from, row->to);

          g_ptr_array_add (table, row_of (row->country, row->title, period, NULL));
        }
      break;
    case MEASURES_N_CHARTS:
    default:
      g_return_val_if_reached (table);
    }

  return table;
}

/**
 * measures_chart_describe:
 * @overview: the figures
 * @chart: which chart
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full): the figures of @chart in one text, for an
 *   image's description
 */
char *
measures_chart_describe (MeasuresOverview     *overview,
                         MeasuresChart         chart,
                         MeasuresTranslations *translations)
{
  g_autoptr(GPtrArray) table = measures_chart_get_table (overview, chart, translations);
  GStrv head = g_ptr_array_index (table, 0);
  GString *out = g_string_new (NULL);

  /* The years: each figure after the heading of its column, so that a
   * screen reader says which category it counts ("2009: Measures in
   * Force 3, Legislation 1, Policies 2"). The other charts have one
   * figure a row, or words. */
  for (guint i = 1; i < table->len; i++)
    {
      GStrv row = g_ptr_array_index (table, i);

      g_string_append_printf (out, "%s%s: ", i > 1 ? "; " : "", row[0]);
      for (guint c = 1; row[c] != NULL; c++)
        {
          if (c > 1)
            g_string_append (out, ", ");
          if (chart == MEASURES_CHART_YEARS)
            g_string_append_printf (out, "%s ", head[c]);
          g_string_append (out, row[c]);
        }
    }

  return g_string_free (out, FALSE);
}
