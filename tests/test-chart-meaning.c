/* test-chart-meaning.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * That a chart means the same wherever it is drawn: a category keeps its
 * colour and pattern whatever the filters and the language, labels keep
 * what tells measures apart, labels never collide, and the tables, the
 * charts' text alternative, are whole.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "measures-chart.h"
#include "measures-fonts.h"
#include "measures-loader.h"
#include "measures-text.h"
#include "test-chart-utils.h"

#define WIDTH 800.0

/* How an SVG chart paints its keys or bars: for each key of a legend
 * (a square, then its label), or for each bar (its label, then the
 * bar), the paint of the square or bar: a colour, or the content of its
 * pattern. */
typedef struct
{
  gboolean keys;          /* keys of a legend, rather than bars */
  GHashTable *patterns;   /* id → what it draws */
  GString *pattern;       /* the one being read */
  char *pattern_id;
  char *last_paint;       /* of the last rectangle, until a text takes it */
  char *last_text;        /* the last text, until a rectangle takes it */
  gboolean in_text;
  GString *text;
  GHashTable *paints;     /* label → paint */
} PaintReader;

static const char *
attribute (const char **names_,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names_[i] != NULL; i++)
    if (g_str_equal (names_[i], name))
      return values[i];

  return "";
}

static void
paint_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names_,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  PaintReader *reader = user_data;

  if (g_str_equal (element, "pattern"))
    {
      reader->pattern = g_string_new (NULL);
      reader->pattern_id = g_strdup (attribute (names_, values, "id"));
    }
  else if (reader->pattern != NULL)
    {
      for (guint i = 0; names_[i] != NULL; i++)
        g_string_append_printf (reader->pattern, "%s %s=%s;", element, names_[i], values[i]);
    }
  else if (g_str_equal (element, "rect"))
    {
      const char *fill = attribute (names_, values, "fill");
      char *paint;

      if (g_str_has_prefix (fill, "url(#"))
        {
          g_autofree char *id = g_strndup (fill + 5, strlen (fill) - 6);

          paint = g_strdup (g_hash_table_lookup (reader->patterns, id));
          g_assert_nonnull (paint);
        }
      else
        paint = g_strdup (fill);

      g_clear_pointer (&reader->last_paint, g_free);
      if (reader->keys && g_str_equal (attribute (names_, values, "width"), "14.00") &&
          g_str_equal (attribute (names_, values, "height"), "14.00"))
        reader->last_paint = g_steal_pointer (&paint);
      else if (!reader->keys && reader->last_text != NULL)
        g_hash_table_insert (reader->paints, g_steal_pointer (&reader->last_text), g_steal_pointer (&paint));
      g_clear_pointer (&reader->last_text, g_free);
      g_free (paint);
    }
  else if (g_str_equal (element, "text"))
    {
      reader->in_text = TRUE;
      g_string_truncate (reader->text, 0);
    }
}

static void
paint_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  PaintReader *reader = user_data;

  if (g_str_equal (element, "pattern"))
    {
      g_hash_table_insert (reader->patterns, g_steal_pointer (&reader->pattern_id),
                           g_string_free (reader->pattern, FALSE));
      reader->pattern = NULL;
    }
  else if (g_str_equal (element, "text"))
    {
      reader->in_text = FALSE;
      g_clear_pointer (&reader->last_text, g_free);
      if (reader->keys && reader->last_paint != NULL)
        g_hash_table_insert (reader->paints, g_strdup (reader->text->str), g_steal_pointer (&reader->last_paint));
      else if (!reader->keys)
        reader->last_text = g_strdup (reader->text->str);
      g_clear_pointer (&reader->last_paint, g_free);
    }
}

static void
paint_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  PaintReader *reader = user_data;

  if (reader->in_text)
    g_string_append_len (reader->text, text, length);
}

static GHashTable *
read_paints (GBytes   *svg,
             gboolean  keys)
{
  static const GMarkupParser parser = { paint_start, paint_end, paint_text, NULL, NULL };
  PaintReader reader = { keys };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  reader.patterns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.paints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.text = g_string_new (NULL);
  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_hash_table_unref (reader.patterns);
  g_string_free (reader.text, TRUE);
  g_free (reader.last_paint);
  g_free (reader.last_text);

  return reader.paints;
}

static gboolean
same_color (const MeasuresColor *a,
            const MeasuresColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

static gboolean
same_fill (const MeasuresFill *a,
           const MeasuresFill *b)
{
  return same_color (&a->color, &b->color) && a->hatch == b->hatch &&
         same_color (&a->hatch_color, &b->hatch_color) && a->fade == b->fade;
}

/* Each category's key in @overview's chart per year and its bar in the
 * chart of types, by the category's name in the data. */
static void
collect_category_paints (MeasuresOverview *overview,
                         GHashTable       *by_key,
                         const char       *what)
{
  MeasuresChartStyle style = { FALSE };
  /* Wide enough for every label whole. */
  g_autoptr(GBytes) years = measures_chart_to_svg (overview, MEASURES_CHART_YEARS, 3 * WIDTH, &style);
  g_autoptr(GBytes) types = measures_chart_to_svg (overview, MEASURES_CHART_TYPES, 3 * WIDTH, &style);
  g_autoptr(GHashTable) keys = read_paints (years, TRUE);
  g_autoptr(GHashTable) bars = read_paints (types, FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint c = 0; c < overview->categories->len; c++)
    {
      const char *label = g_ptr_array_index (overview->categories, c);
      const char *key = g_ptr_array_index (overview->category_keys, c);
      const char *paint = g_hash_table_lookup (keys, label);
      const char *bar = g_hash_table_lookup (bars, label);
      const char *before;
      g_autofree char *hex = NULL;
      MeasuresFill fill;

      g_assert_nonnull (key);
      g_test_message ("%s: %s (%s) is %s", what, label, key, paint);
      g_assert_nonnull (paint);
      /* The same in the chart of types as in the legend. */
      if (bar != NULL)
        g_assert_cmpstr (bar, ==, paint);
      /* No two categories shown together look alike. */
      g_assert_false (g_hash_table_contains (seen, paint));
      g_hash_table_add (seen, (gpointer) paint);

      /* The same as in the other filters and languages. */
      before = g_hash_table_lookup (by_key, key);
      if (before != NULL)
        g_assert_cmpstr (paint, ==, before);
      else
        g_hash_table_insert (by_key, g_strdup (key), g_strdup (paint));

      /* What the chart draws is the colour of the category's fill,
       * with a pattern when it has a hatch. */
      measures_chart_get_category_fill (overview, c, &style, &fill);
      hex = g_strdup_printf ("#%02x%02x%02x", (guint) lround (fill.color.red * 255),
                             (guint) lround (fill.color.green * 255), (guint) lround (fill.color.blue * 255));
      g_assert_nonnull (strstr (paint, hex));
      g_assert_true ((fill.hatch == MEASURES_HATCH_NONE) == g_str_equal (paint, hex));
    }
}

/* A category keeps its colour and pattern whatever the filters, which
 * change the categories' ranks, and in both languages: they come from
 * its name, not its rank. */
static void
test_category_colors (void)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  const char *trafficking[] = { "Trafficking", NULL };
  guint prevention[2] = { G_MAXUINT, G_MAXUINT };

  for (guint filter = 0; filter < 3; filter++)
    for (guint lang = 0; lang < 2; lang++)
      {
        g_autoptr(MeasuresQuery) query = measures_query_new ();
        g_autoptr(MeasuresCatalog) catalog = NULL;
        g_autoptr(MeasuresOverview) overview = NULL;
        g_autofree char *what = NULL;

        /* All of them; those against trafficking; those in force in
         * 2021, as a click on its bar chooses. */
        if (filter == 1)
          measures_query_set_forms (query, trafficking);
        else if (filter == 2)
          measures_query_set_years (query, 2021, 2021);
        overview = bundled_overview (&catalog, query);
        if (lang == 1)
          measures_overview_relabel (overview, catalog->index, ro);

        for (guint c = 0; c < overview->categories->len; c++)
          if (g_str_equal (g_ptr_array_index (overview->category_keys, c), "Prevention") && filter < 2)
            prevention[filter] = c;

        what = g_strdup_printf ("filter %u, %s", filter, lang == 1 ? "ro" : "en");
        collect_category_paints (overview, by_key, what);
      }

  /* The filters did move Prevention among the categories. */
  g_assert_cmpuint (prevention[0], !=, G_MAXUINT);
  g_assert_cmpuint (prevention[1], !=, G_MAXUINT);
  g_assert_cmpuint (prevention[0], !=, prevention[1]);
  g_assert_cmpuint (g_hash_table_size (by_key), ==, 7);
}

/* Categories the vocabulary does not know get colours from their names:
 * one keeps its swatch beside others, and many shown together still
 * differ in colour or pattern. */
static void
test_unknown_category_colors (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(MeasuresIndex) alone_index = NULL;
  g_autoptr(MeasuresIndex) many_index = NULL;
  g_autoptr(MeasuresOverview) alone = NULL;
  g_autoptr(MeasuresOverview) many = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  MeasuresChartStyle style = { FALSE };
  MeasuresFill first, second;
  guint n_known = 0;

  alone = overview_of ("[{\"id\": \"a\", \"country\": \"Romania\", \"year\": 2020,"
                       " \"types\": \"Gardening > Roses\", \"title\": \"A\"}]", &alone_index);
  g_assert_cmpuint (alone->categories->len, ==, 1);

  /* Every known category and twenty more, one measure each. */
  for (guint i = 0; i < 18 + 20; i++)
    {
      const char *known[] = {
        "Policies", "Violence against women", "Prevention", "Social services", "Justice",
        "Research and statistical data", "Institutional mechanisms", "Administrative data", "Health",
        "Police", "Education", "Budgets", "Monitoring and Evaluation",
        "Coordinated and or Integrated service delivery", "Other relevant laws", "Perpetrators Programme",
        "Regional Initiatives", "Work with public private sectors",
      };
      g_autofree char *type = i < G_N_ELEMENTS (known) ? g_strdup (known[i]) : g_strdup_printf ("Invented %u", i);

      n_known += i < G_N_ELEMENTS (known);
      g_string_append_printf (json, "%s{\"id\": \"m%u\", \"country\": \"Romania\", \"year\": 2020,"
                              " \"types\": \"%s\", \"title\": \"T\"}", i > 0 ? "," : "", i, type);
    }
  g_string_append (json, ",{\"id\": \"g\", \"country\": \"Romania\", \"year\": 2021,"
                   " \"types\": \"Gardening > Tulips\", \"title\": \"G\"}]");
  many = overview_of (json->str, &many_index);
  g_assert_cmpuint (many->categories->len, ==, 18 + 20 + 1);
  collect_category_paints (many, by_key, "many");

  for (guint c = 0; c < many->categories->len; c++)
    if (g_str_equal (g_ptr_array_index (many->category_keys, c), "Gardening"))
      {
        measures_chart_get_category_fill (alone, 0, &style, &first);
        measures_chart_get_category_fill (many, c, &style, &second);
        g_assert_true (same_fill (&first, &second));
      }
  g_assert_cmpuint (n_known, ==, 18);
}

/* The texts of an SVG image, in order. */
typedef struct
{
  gboolean in_text;
  GString *text;
  GPtrArray *texts;
} TextReader;

static void
text_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names_,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  TextReader *reader = user_data;

  reader->in_text = g_str_equal (element, "text");
  g_string_truncate (reader->text, 0);
}

static void
text_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  TextReader *reader = user_data;

  if (reader->in_text)
    g_ptr_array_add (reader->texts, g_strdup (reader->text->str));
  reader->in_text = FALSE;
}

static void
text_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  TextReader *reader = user_data;

  if (reader->in_text)
    g_string_append_len (reader->text, text, length);
}

static GPtrArray *
read_texts (GBytes *svg)
{
  static const GMarkupParser parser = { text_start, text_end, text_text, NULL, NULL };
  TextReader reader = { FALSE, g_string_new (NULL), g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_string_free (reader.text, TRUE);

  return reader.texts;
}

/* The label drawn for the row of the timeline of the period @from to @to. */
static const char *
row_label (MeasuresOverview *overview,
           GPtrArray        *texts,
           int               from,
           int               to)
{
  /* The years along the top come first, then one label a row. */
  guint first = texts->len - overview->timeline->len;

  for (guint i = 0; i < overview->timeline->len; i++)
    {
      const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, i);

      if (row->from == from && row->to == to)
        return g_ptr_array_index (texts, first + i);
    }

  g_assert_not_reached ();
}

/* The timeline's labels keep what tells measures apart: the two action
 * plans against trafficking, whose titles differ only in their years
 * after "National Action Plan", still differ once shortened, with their
 * start, their own years and the years at their end; so do all the
 * other titles. At the window's width, the PDF cover's (A4), narrower
 * windows' and a wide one, in English and in Romanian. */
static void
test_timeline_labels (void)
{
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  static const double widths[] = { 800, 696, 560, 420, 1200 };
  /* The two plans run from 2018 to 2020 and from 2021 to 2022. */
  static const int periods[2][2] = { { 2018, 2020 }, { 2021, 2022 } };
  static const struct {
    const char *lang;
    const char *years[2];
    const char *start;
    const char *end;
  } langs[] = {
    { "en", { "2018-2020", "2021-2022" }, "National", "2018-2022" },
    { "ro", { "2018–2020", "2021–2022" }, "Planul", "2018–2022" },
  };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(MeasuresCatalog) catalog = NULL;
        g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
        MeasuresChartStyle style = { FALSE, 0, l == 1 ? ro : NULL };
        g_autoptr(GBytes) svg = NULL;
        g_autoptr(GPtrArray) texts = NULL;
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

        if (l == 1)
          measures_overview_relabel (overview, catalog->index, ro);
        svg = measures_chart_to_svg (overview, MEASURES_CHART_TIMELINE, widths[w], &style);
        texts = read_texts (svg);

        for (guint i = 0; i < overview->timeline->len; i++)
          {
            const char *label = g_ptr_array_index (texts, texts->len - overview->timeline->len + i);

            g_test_message ("%s at %g: %s", langs[l].lang, widths[w], label);
            g_assert_false (g_hash_table_contains (seen, label));
            g_hash_table_add (seen, (gpointer) label);
          }

        for (guint k = 0; k < 2; k++)
          {
            const char *label = row_label (overview, texts, periods[k][0], periods[k][1]);

            /* The country heads the first row of its group. */
            if (g_str_has_prefix (label, "Romania — ") || g_str_has_prefix (label, "România — "))
              label = strstr (label, " — ") + strlen (" — ");
            /* The start, where there is room for it beside both years. */
            if (widths[w] >= 696)
              g_assert_true (g_str_has_prefix (label, langs[l].start));
            g_assert_nonnull (strstr (label, langs[l].years[k]));
            g_assert_true (g_str_has_suffix (label, langs[l].end));
            /* Shortened, in the middle only. */
            if (widths[w] < 1200)
              g_assert_nonnull (strstr (label, "… "));
          }
      }
}

/* Titles that differ only near their end, in no year, would look alike
 * once the words before their last are cut: each keeps the word where
 * it differs from the others. */
static void
test_timeline_distinct (void)
{
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresOverview) overview =
    overview_of ("["
                 "{\"id\": \"n\", \"country\": \"Romania\", \"year\": \"2019 - 2022\", \"title\":"
                 " \"Regional Plan for the Protection of Victims of Violence in Schools and Families of the North Region\"},"
                 "{\"id\": \"s\", \"country\": \"Romania\", \"year\": \"2019 - 2022\", \"title\":"
                 " \"Regional Plan for the Protection of Victims of Violence in Schools and Families of the South Region\"},"
                 "{\"id\": \"w\", \"country\": \"Romania\", \"year\": \"2019 - 2022\", \"title\":"
                 " \"Regional Plan for the Protection of Victims of Violence in Schools and Families of the West Region\"}"
                 "]", &index);
  MeasuresChartStyle style = { FALSE };

  for (double width = 400; width <= 800; width += 100)
    {
      g_autoptr(GBytes) svg = measures_chart_to_svg (overview, MEASURES_CHART_TIMELINE, width, &style);
      g_autoptr(GPtrArray) texts = read_texts (svg);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      static const char *ends[] = { "North", "South", "West" };

      g_assert_cmpuint (overview->timeline->len, ==, 3);
      for (guint i = 0; i < 3; i++)
        g_test_message ("at %g: %s", width, (const char *) g_ptr_array_index (texts, texts->len - 3 + i));
      for (guint i = 0; i < 3; i++)
        {
          const char *label = g_ptr_array_index (texts, texts->len - 3 + i);
          const char *title = g_array_index (overview->timeline, MeasuresTimelineRow, i).title;

          g_assert_nonnull (strstr (label, "…"));
          g_assert_false (g_hash_table_contains (seen, label));
          g_hash_table_add (seen, (gpointer) label);
          /* The word where they differ stays, and the end. */
          g_assert_true (g_str_has_suffix (label, " Region"));
          for (guint k = 0; k < 3; k++)
            if (strstr (title, ends[k]) != NULL)
              g_assert_nonnull (strstr (label, ends[k]));
        }
    }
}

/* The tables, the charts' text alternative, are whole: a heading for
 * each column, and in each row a value under each heading, for every
 * chart, with the categories of a filter and in Romanian too. */
static void
test_tables_whole (void)
{
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  const char *trafficking[] = { "Trafficking", NULL };

  for (guint filter = 0; filter < 2; filter++)
    for (guint lang = 0; lang < 2; lang++)
      {
        g_autoptr(MeasuresQuery) query = measures_query_new ();
        g_autoptr(MeasuresCatalog) catalog = NULL;
        g_autoptr(MeasuresOverview) overview = NULL;

        if (filter == 1)
          measures_query_set_forms (query, trafficking);
        overview = bundled_overview (&catalog, query);
        if (lang == 1)
          measures_overview_relabel (overview, catalog->index, ro);

        for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
          {
            g_autoptr(GPtrArray) table = measures_chart_get_table (overview, chart, lang == 1 ? ro : NULL);
            guint n_columns = g_strv_length (g_ptr_array_index (table, 0));

            g_assert_cmpuint (n_columns, >=, 2);
            g_assert_cmpuint (table->len, >, 1);
            for (guint r = 0; r < table->len; r++)
              {
                GStrv row = g_ptr_array_index (table, r);

                g_assert_cmpuint (g_strv_length (row), ==, n_columns);
                for (guint c = 0; c < n_columns; c++)
                  g_assert_cmpstr (row[c], !=, "");
              }

            /* The chart per year: the categories' parts add up to the
             * total, in the categories' order of the headings. */
            if (chart == MEASURES_CHART_YEARS)
              for (guint r = 1; r < table->len; r++)
                {
                  GStrv row = g_ptr_array_index (table, r);
                  const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, r - 1);
                  guint64 sum = 0;

                  g_assert_cmpuint (n_columns, ==, 2 + overview->categories->len);
                  for (guint c = 0; c < overview->categories->len; c++)
                    {
                      g_assert_cmpuint (g_ascii_strtoull (row[2 + c], NULL, 10), ==, bin->by_category[c]);
                      sum += bin->by_category[c];
                    }
                  g_assert_cmpuint (sum, ==, bin->total);
                }
          }
      }
}

/* Where each text of an SVG image is: its box, measured as the canvas
 * measures it (the same family, at 96 dots per inch). */
typedef struct
{
  char *text;
  double x;
  double top;
  double width;
  double height;
} TextBox;

typedef struct
{
  PangoContext *context;
  GArray *boxes;
  TextBox current;
  gboolean in_text;
  GString *content;
} BoxReader;

static void
box_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names_,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  BoxReader *reader = user_data;

  if (!g_str_equal (element, "text"))
    return;

  reader->in_text = TRUE;
  g_string_truncate (reader->content, 0);
  reader->current = (TextBox) { NULL, 0, 0, 0, 0 };
  for (guint i = 0; names_[i] != NULL; i++)
    if (g_str_equal (names_[i], "x"))
      reader->current.x = g_ascii_strtod (values[i], NULL);
    else if (g_str_equal (names_[i], "y"))
      reader->current.top = g_ascii_strtod (values[i], NULL);   /* the baseline, for now */
    else if (g_str_equal (names_[i], "font-size"))
      /* pixels, for now */
      reader->current.height = g_ascii_strtod (values[i], NULL);
}

static void
box_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  BoxReader *reader = user_data;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoRectangle logical;

  if (!reader->in_text)
    return;
  reader->in_text = FALSE;

  layout = pango_layout_new (reader->context);
  font = pango_font_description_from_string (measures_fonts_get_family ());
  pango_font_description_set_size (font, (int) (reader->current.height * 72 / 96 * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, reader->content->str, -1);
  pango_layout_get_extents (layout, NULL, &logical);

  reader->current.text = g_strdup (reader->content->str);
  reader->current.width = (double) logical.width / PANGO_SCALE;
  reader->current.top -= (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  reader->current.height = (double) logical.height / PANGO_SCALE;
  g_array_append_val (reader->boxes, reader->current);
}

static void
box_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  BoxReader *reader = user_data;

  if (reader->in_text)
    g_string_append_len (reader->content, text, length);
}

static void
clear_box (gpointer data)
{
  g_free (((TextBox *) data)->text);
}

static GArray *
read_boxes (GBytes *svg)
{
  static const GMarkupParser parser = { box_start, box_end, box_text, NULL, NULL };
  BoxReader reader = { measures_canvas_create_context (96), g_array_new (FALSE, FALSE, sizeof (TextBox)),
                       { 0 }, FALSE, g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  g_array_set_clear_func (reader.boxes, clear_box);
  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_object_unref (reader.context);
  g_string_free (reader.content, TRUE);

  return reader.boxes;
}

/* No two texts of @svg overlap or touch, and each is inside the chart. */
static void
assert_no_collision (GBytes     *svg,
                     double      width,
                     const char *what)
{
  g_autoptr(GArray) boxes = read_boxes (svg);

  for (guint i = 0; i < boxes->len; i++)
    {
      const TextBox *a = &g_array_index (boxes, TextBox, i);

      if (a->x < -0.5 || a->x + a->width > width + 0.5)
        g_error ("%s: “%s” from %.1f to %.1f, outside 0 to %g", what, a->text, a->x, a->x + a->width, width);

      for (guint j = i + 1; j < boxes->len; j++)
        {
          const TextBox *b = &g_array_index (boxes, TextBox, j);
          double across = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
          double down = MIN (a->top + a->height, b->top + b->height) - MAX (a->top, b->top);

          /* Side by side, two pixels apart at least, or "360348" reads
           * as one number. */
          if (across > -2 && down > 0.5)
            g_error ("%s: “%s” at %.1f, %.1f and “%s” at %.1f, %.1f touch", what,
                     a->text, a->x, a->top, b->text, b->x, b->top);
        }
    }
}

static gboolean
has_text (GBytes     *svg,
          const char *text)
{
  g_autoptr(GPtrArray) texts = read_texts (svg);

  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;

  return FALSE;
}

/* Thousands of measures from 1995 to 2030: the figures over the bars
 * and the years under them, and the years over the timeline, never
 * overlap nor leave the chart, at the window's width, the PDF cover's,
 * a narrow window's and a wide one; the first and last year and the
 * highest figure are always there. */
static void
test_labels_never_collide (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresOverview) overview = NULL;
  static const char *types[] = {
    "Policies > National strategy specific to violence against women", "Prevention > Awareness-raising /Campaigns",
    "Justice > Training", "Social services > Hotline/Helpline", "Institutional mechanisms",
  };
  static const double widths[] = { 800, 696, 560, 420, 1400 };
  MeasuresChartStyle style = { FALSE };
  g_autofree char *highest = NULL;
  guint most = 0;

  for (guint i = 0; i < 3000; i++)
    {
      int from = g_rand_int_range (rand, 1995, 2031);
      int length = g_rand_int_range (rand, 0, 7);
      int to = MIN (from + length, 2030);

      g_string_append_printf (json, "%s{\"id\": \"m%u\", \"country\": \"Romania\", \"year\": {\"from\": %d, \"to\": %d},"
                              " \"types\": \"%s\", \"forms\": \"Trafficking\", \"title\": \"Plan %u %d-%d\"}",
                              i > 0 ? "," : "", i, from, to, types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                              i, from, to);
    }
  g_string_append (json, "]");
  overview = overview_of (json->str, &index);
  g_assert_cmpint (overview->first_year, ==, 1995);
  g_assert_cmpint (overview->last_year, ==, 2030);
  for (guint i = 0; i < overview->years->len; i++)
    most = MAX (most, g_array_index (overview->years, MeasuresYearBin, i).total);
  g_assert_cmpuint (most, >=, 100);
  highest = measures_text_format_count (most);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
      {
        g_autoptr(GBytes) svg = measures_chart_to_svg (overview, chart, widths[w], &style);
        g_autofree char *what = g_strdup_printf ("%s at %g", measures_chart_get_name (chart), widths[w]);

        assert_no_collision (svg, widths[w], what);
      }

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
      {
        g_autoptr(GBytes) svg = measures_chart_to_svg (overview, chart, widths[w], &style);

        if (chart == MEASURES_CHART_YEARS || chart == MEASURES_CHART_TIMELINE)
          {
            g_assert_true (has_text (svg, "1995"));
            g_assert_true (has_text (svg, "2030"));
          }
        if (chart == MEASURES_CHART_YEARS)
          g_assert_true (has_text (svg, highest));
      }
}

static cairo_status_t
read_png_bytes (void          *closure,
                unsigned char *data,
                unsigned int   length)
{
  GInputStream *stream = closure;
  gsize read;

  if (!g_input_stream_read_all (stream, data, length, &read, NULL, NULL) || read != length)
    return CAIRO_STATUS_READ_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* The colour of the pixel at (@x, @y) of @png, as 0xRRGGBB. */
static guint32
pixel (GBytes *png,
       double  x,
       double  y)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_png_bytes, stream);
  guint32 value;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  value = *(guint32 *) (void *) (cairo_image_surface_get_data (surface) +
                                 (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4) & 0xffffff;
  cairo_surface_destroy (surface);

  return value;
}

/* A colour at @alpha over white, as 0xRRGGBB. */
static guint32
over_white (const MeasuresColor *color,
            double               alpha)
{
  guint r = (guint) lround ((color->red * alpha + 1 - alpha) * 255);
  guint g = (guint) lround ((color->green * alpha + 1 - alpha) * 255);
  guint b = (guint) lround ((color->blue * alpha + 1 - alpha) * 255);

  return r << 16 | g << 8 | b;
}

static gboolean
near_color (guint32 a,
            guint32 b)
{
  for (guint shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;

  return TRUE;
}

/* What the filters chose is drawn in full, the rest faded: after the
 * 2021 bar is chosen, 2021's bar is in the full colour of Policies and
 * 2019's in a third of it; after Trafficking is chosen, its bar is full
 * and the other form's faded. Images written without a choice, as the
 * PDF cover's and exported images are, fade nothing. */
static void
test_chosen_drawn (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *trafficking[] = { "Trafficking", NULL };
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = NULL;
  MeasuresChartStyle style = { FALSE };
  MeasuresChartColors colors;
  MeasuresChartHit hit;
  g_autoptr(GBytes) png = NULL;
  guint32 full;

  measures_chart_get_colors (&style, &colors);
  full = over_white (&colors.parts[0], 1);

  measures_query_set_years (query, 2021, 2021);
  overview = bundled_overview (&catalog, query);
  png = measures_chart_to_png (overview, MEASURES_CHART_YEARS, WIDTH, 1, &style, NULL);
  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_YEARS, WIDTH, MEASURES_CHART_HIT_YEAR,
                                        2019 - overview->first_year, &hit));
  /* Not marked: nothing faded. */
  g_assert_true (near_color (pixel (png, hit.x + hit.width / 2, hit.height - 24), full));
  g_clear_pointer (&png, g_bytes_unref);

  measures_overview_mark_chosen (overview, catalog->index, query);
  png = measures_chart_to_png (overview, MEASURES_CHART_YEARS, WIDTH, 1, &style, NULL);
  g_assert_true (near_color (pixel (png, hit.x + hit.width / 2, hit.height - 24), over_white (&colors.parts[0], 0.3)));
  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_YEARS, WIDTH, MEASURES_CHART_HIT_YEAR,
                                        2021 - overview->first_year, &hit));
  g_assert_true (near_color (pixel (png, hit.x + hit.width / 2, hit.height - 24), full));
  g_clear_pointer (&png, g_bytes_unref);

  /* Forms: Trafficking chosen, the other faded. */
  g_clear_pointer (&overview, measures_overview_free);
  g_clear_pointer (&catalog, measures_catalog_free);
  g_clear_object (&query);
  query = measures_query_new ();
  measures_query_set_forms (query, trafficking);
  overview = bundled_overview (&catalog, query);
  measures_overview_mark_chosen (overview, catalog->index, query);
  png = measures_chart_to_png (overview, MEASURES_CHART_FORMS, WIDTH, 1, &style, NULL);
  for (guint i = 0; i < overview->by_form->len; i++)
    {
      const MeasuresOverviewCount *count = &g_array_index (overview->by_form, MeasuresOverviewCount, i);

      g_assert_true (count->chosen == g_str_equal (count->label, "Trafficking"));
      g_assert_true (measures_chart_locate (overview, MEASURES_CHART_FORMS, WIDTH, MEASURES_CHART_HIT_COUNT, i, &hit));
      /* At the start of its bar, past its label. */
      g_assert_true (near_color (pixel (png, WIDTH * 0.38 + 3, hit.y + hit.height / 2),
                                 count->chosen ? full : over_white (&colors.parts[0], 0.3)));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Labels are compared in English, and in Romanian through the
   * summary's translations. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-meaning/category-colors", test_category_colors);
  g_test_add_func ("/chart-meaning/unknown-category-colors", test_unknown_category_colors);
  g_test_add_func ("/chart-meaning/timeline-labels", test_timeline_labels);
  g_test_add_func ("/chart-meaning/timeline-distinct", test_timeline_distinct);
  g_test_add_func ("/chart-meaning/tables-whole", test_tables_whole);
  g_test_add_func ("/chart-meaning/labels-never-collide", test_labels_never_collide);
  g_test_add_func ("/chart-meaning/chosen-drawn", test_chosen_drawn);

  return g_test_run ();
}
