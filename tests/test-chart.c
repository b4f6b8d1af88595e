/* test-chart.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws every chart of the first eleven bundled measures (tests/data/
 * eleven.json, which the reference images show), in light and dark, on an
 * image with no display; finds what is at a point; writes PNG and SVG;
 * checks the colours' contrast; and compares each chart with a
 * reference image. MEASURES_CHART_OUTPUT=folder keeps the images;
 * MEASURES_UPDATE_REFERENCES=1 writes new reference images.
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
#include "test-chart-utils.h"

#define WIDTH 800.0

static const char *names[] = { "years", "forms", "types", "timeline" };

/* How many pixels differ from the background. */
static guint
painted (cairo_surface_t *surface)
{
  const guint8 *data;
  int stride = cairo_image_surface_get_stride (surface);
  guint count = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      count += memcmp (data + y * stride + x * 4, data, 4) != 0;

  return count;
}

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GInputStream *stream = closure;
  gsize read;

  if (!g_input_stream_read_all (stream, data, length, &read, NULL, NULL) || read != length)
    return CAIRO_STATUS_READ_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
surface_from_png (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return cairo_image_surface_create_from_png_stream (read_bytes, stream);
}

static void
test_draw_all (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  const char *output = g_getenv ("MEASURES_CHART_OUTPUT");

  for (guint dark = 0; dark < 2; dark++)
    for (guint chart = MEASURES_CHART_YEARS; chart <= MEASURES_CHART_TIMELINE; chart++)
      {
        MeasuresChartStyle style = { dark };
        double height = measures_chart_get_height (overview, chart, WIDTH);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) WIDTH, (int) height);
        cairo_t *cr = cairo_create (surface);
        PangoContext *context = pango_cairo_create_context (cr);
        MeasuresChartColors colors;
        guint32 first;

        g_assert_cmpfloat (height, >, 40);
        pango_cairo_context_set_resolution (context, 96);
        measures_chart_draw (overview, chart, cr, context, WIDTH, height, &style);

        /* The chart paints its own background, then bars, numbers and
         * labels over it. */
        cairo_surface_flush (surface);
        memcpy (&first, cairo_image_surface_get_data (surface), sizeof first);
        measures_chart_get_colors (&style, &colors);
        g_assert_cmpuint ((first >> 16) & 0xff, ==, (guint) lround (colors.background.red * 255));
        g_assert_cmpuint (painted (surface), >, 2000);
        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

        if (output != NULL)
          {
            g_autofree char *name = g_strdup_printf ("%s/%s%s.png", output, names[chart], dark ? "-dark" : "");

            cairo_surface_write_to_png (surface, name);
          }

        g_object_unref (context);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

/* What is at a point, from the layout alone, with no surface. */
static void
test_hit (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  MeasuresChartHit hit, where;
  double height;
  guint year_2010;

  /* Forms: one row of 22 units each, label and bar alike. */
  g_assert_true (measures_chart_hit (overview, MEASURES_CHART_FORMS, WIDTH, 5, 22 * 1 + 10, &hit));
  g_assert_cmpint (hit.kind, ==, MEASURES_CHART_HIT_COUNT);
  g_assert_cmpuint (hit.index, ==, 1);
  g_assert_cmpuint (hit.part, ==, MEASURES_CHART_FORMS);
  g_assert_cmpfloat (hit.y, ==, 22);
  height = measures_chart_get_height (overview, MEASURES_CHART_FORMS, WIDTH);
  g_assert_cmpuint (overview->by_form->len, ==, 2);
  g_assert_false (measures_chart_hit (overview, MEASURES_CHART_FORMS, WIDTH, 5, height - 2, &hit));
  g_assert_cmpint (hit.kind, ==, MEASURES_CHART_HIT_NONE);
  g_assert_false (measures_chart_hit (overview, MEASURES_CHART_FORMS, WIDTH, -1, 5, &hit));

  /* Years: 2009 to 2028, twenty columns of 40 units. */
  g_assert_cmpint (overview->first_year, ==, 2009);
  g_assert_cmpint (overview->last_year, ==, 2028);
  year_2010 = 2010 - overview->first_year;
  g_assert_true (measures_chart_hit (overview, MEASURES_CHART_YEARS, WIDTH, 40 * year_2010 + 1, 5, &hit));
  g_assert_cmpint (hit.kind, ==, MEASURES_CHART_HIT_YEAR);
  g_assert_cmpuint (hit.index, ==, year_2010);
  g_assert_cmpuint (hit.part, ==, G_MAXUINT);

  /* Just above the axis, the bottom part of 2010's bar: its first
   * category with measures. */
  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_YEARS, WIDTH,
                                        MEASURES_CHART_HIT_YEAR, year_2010, &where));
  g_assert_true (measures_chart_hit (overview, MEASURES_CHART_YEARS, WIDTH,
                                     where.x + where.width / 2, where.height - 22, &hit));
  g_assert_cmpuint (hit.index, ==, year_2010);
  g_assert_cmpuint (hit.part, <, overview->categories->len);
  {
    const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, year_2010);
    guint first = 0;

    while (bin->by_category[first] == 0)
      first++;
    g_assert_cmpuint (hit.part, ==, first);
  }

  /* The legend. */
  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_YEARS, WIDTH,
                                        MEASURES_CHART_HIT_CATEGORY, 0, &where));
  g_assert_true (measures_chart_hit (overview, MEASURES_CHART_YEARS, WIDTH, where.x + 3, where.y + 3, &hit));
  g_assert_cmpint (hit.kind, ==, MEASURES_CHART_HIT_CATEGORY);
  g_assert_cmpuint (hit.index, ==, 0);

  /* The timeline: the years' row on top is no measure. */
  g_assert_false (measures_chart_hit (overview, MEASURES_CHART_TIMELINE, WIDTH, 400, 5, &hit));
  for (guint i = 0; i < overview->timeline->len; i++)
    {
      g_assert_true (measures_chart_locate (overview, MEASURES_CHART_TIMELINE, WIDTH,
                                            MEASURES_CHART_HIT_TIMELINE, i, &where));
      g_assert_true (measures_chart_hit (overview, MEASURES_CHART_TIMELINE, WIDTH,
                                         where.x + where.width / 2, where.y + where.height / 2, &hit));
      g_assert_cmpint (hit.kind, ==, MEASURES_CHART_HIT_TIMELINE);
      g_assert_cmpuint (hit.index, ==, i);
    }
  g_assert_false (measures_chart_locate (overview, MEASURES_CHART_TIMELINE, WIDTH,
                                         MEASURES_CHART_HIT_TIMELINE, overview->timeline->len, &where));
}

static void
test_describe_hit (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  MeasuresChartHit hit;
  g_autofree char *year = NULL;
  g_autofree char *form = NULL;
  g_autofree char *row = NULL;

  g_assert_true (measures_chart_hit (overview, MEASURES_CHART_YEARS, WIDTH, 40 * (2019 - 2009) + 20, 5, &hit));
  year = measures_chart_describe_hit (overview, &hit);
  /* 2019: the strategy on gender equality of 2018, the first action
   * plan against trafficking, and the strategy it implements. */
  g_assert_cmpstr (year, ==, "2019: 3 measures in force\nPolicies: 3");

  g_assert_true (measures_chart_hit (overview, MEASURES_CHART_FORMS, WIDTH, 5, 5, &hit));
  form = measures_chart_describe_hit (overview, &hit);
  g_assert_cmpstr (form, ==, "Domestic violence/Intimate partner violence: 6 measures");

  g_assert_true (measures_chart_locate (overview, MEASURES_CHART_TIMELINE, WIDTH, MEASURES_CHART_HIT_TIMELINE, 0, &hit));
  row = measures_chart_describe_hit (overview, &hit);
  g_assert_cmpstr (row, ==, "National Programme on Gender Equality Insurance 2010-2015\nRepublic of Moldova · 2010–2015");
}

/* The Romanian strategies against trafficking and their action plans,
 * in the order they start. */
static void
test_timeline_order (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *romania[] = { "Romania", NULL };
  const char *trafficking[] = { "Trafficking", NULL };
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = NULL;
  g_autoptr(GPtrArray) table = NULL;
  static const char *expected[][3] = {
    { "Romania", "National Action Plan 2018-2020 for Implementing the National Strategy Against Trafficking in Persons 2018-2022", "2018–2020" },
    { "Romania", "National Strategy Against Trafficking in Persons 2018-2022", "2019–2022" },
    { "Romania", "National Action Plan 2021-2022 for Implementing the National Strategy Against Trafficking in Persons 2018-2022", "2021–2022" },
    { "Romania", "National Strategy Against Trafficking in Persons 2024-2028", "2024–2028" },
  };

  measures_query_set_places (query, romania, NULL);
  measures_query_set_forms (query, trafficking);
  overview = bundled_overview (&catalog, query);
  table = measures_chart_get_table (overview, MEASURES_CHART_TIMELINE, NULL);

  g_assert_cmpuint (table->len, ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GStrv row = g_ptr_array_index (table, i + 1);

      g_assert_cmpuint (g_strv_length (row), ==, 3);
      for (guint k = 0; k < 3; k++)
        g_assert_cmpstr (row[k], ==, expected[i][k]);
    }
}

static void
test_tables (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  g_autoptr(GPtrArray) years = measures_chart_get_table (overview, MEASURES_CHART_YEARS, NULL);
  g_autoptr(GPtrArray) forms = measures_chart_get_table (overview, MEASURES_CHART_FORMS, NULL);
  g_autoptr(GPtrArray) types = measures_chart_get_table (overview, MEASURES_CHART_TYPES, NULL);
  g_autofree char *description = measures_chart_describe (overview, MEASURES_CHART_FORMS, NULL);
  GStrv head;

  head = g_ptr_array_index (years, 0);
  g_assert_cmpstr (head[0], ==, "Year");
  g_assert_cmpstr (head[1], ==, "Measures in Force");
  g_assert_cmpuint (g_strv_length (head), ==, 2 + overview->categories->len);
  g_assert_cmpuint (years->len, ==, 1 + 20);
  for (guint i = 0; i < overview->years->len; i++)
    {
      const MeasuresYearBin *bin = &g_array_index (overview->years, MeasuresYearBin, i);
      GStrv row = g_ptr_array_index (years, i + 1);
      g_autofree char *year = g_strdup_printf ("%d", bin->year);
      g_autofree char *total = g_strdup_printf ("%u", bin->total);

      g_assert_cmpstr (row[0], ==, year);
      g_assert_cmpstr (row[1], ==, total);
    }

  g_assert_cmpuint (forms->len, ==, 3);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (forms, 0))[0], ==, "Form of Violence");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (forms, 1))[0], ==, "Domestic violence/Intimate partner violence");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (forms, 1))[1], ==, "6");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (forms, 2))[0], ==, "Trafficking");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (forms, 2))[1], ==, "6");
  g_assert_cmpstr (description, ==, "Domestic violence/Intimate partner violence: 6; Trafficking: 6");

  /* The years, each figure after its category: the first year reads
   * "2003: Measures in Force 1, <first category> 1, …". */
  {
    g_autofree char *by_year = measures_chart_describe (overview, MEASURES_CHART_YEARS, NULL);
    GStrv first = g_ptr_array_index (years, 1);
    g_autofree char *start = g_strdup_printf ("%s: %s %s, %s %s", first[0], head[1], first[1],
                                              (const char *) g_ptr_array_index (overview->categories, 0),
                                              first[2]);

    g_assert_true (g_str_has_prefix (by_year, start));
  }

  g_assert_cmpuint (types->len, ==, overview->by_type->len + 1);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (types, 0))[0], ==, "Type of Measure");
}

/* Nothing matches: every chart still draws, with a word instead of bars. */
static void
test_empty (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresOverview) overview = NULL;

  measures_query_set_search (query, "no such words anywhere");
  overview = bundled_overview (&catalog, query);

  for (guint chart = 0; chart < MEASURES_N_CHARTS; chart++)
    {
      MeasuresChartStyle style = { FALSE };
      g_autoptr(GBytes) png = measures_chart_to_png (overview, chart, WIDTH, 1, &style, NULL);
      g_autoptr(GPtrArray) table = measures_chart_get_table (overview, chart, NULL);
      MeasuresChartHit hit;

      g_assert_nonnull (png);
      g_assert_cmpuint (table->len, ==, 1);
      for (double y = 0; y < measures_chart_get_height (overview, chart, WIDTH); y += 5)
        g_assert_false (measures_chart_hit (overview, chart, WIDTH, 100, y, &hit));
    }
}

static void
test_png (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  MeasuresChartStyle style = { FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bad = NULL;

  for (double scale = 1; scale <= 2; scale++)
    {
      g_autoptr(GBytes) png = measures_chart_to_png (overview, MEASURES_CHART_TYPES, WIDTH, scale, &style, &error);
      double height = measures_chart_get_height (overview, MEASURES_CHART_TYPES, WIDTH);
      cairo_surface_t *surface;
      gsize size;
      const guint8 *data;

      g_assert_no_error (error);
      data = g_bytes_get_data (png, &size);
      g_assert_cmpuint (size, >, 8);
      g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

      surface = surface_from_png (png);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) (WIDTH * scale));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height * scale));
      g_assert_cmpuint (painted (surface), >, 2000 * scale * scale);
      cairo_surface_destroy (surface);
    }

  bad = measures_chart_to_png (overview, MEASURES_CHART_TYPES, WIDTH, 0, &style, &error);
  g_assert_null (bad);
  g_assert_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_BAD_SIZE);
  g_clear_error (&error);
  bad = measures_chart_to_png (overview, MEASURES_CHART_TYPES, WIDTH, 9, &style, &error);
  g_assert_null (bad);
  g_assert_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_BAD_SIZE);
}

typedef struct
{
  gboolean in_text;
  gboolean in_title;
  GString *texts;     /* the content of each <text>, one a line */
  GString *title;
  guint n_rects;
  guint n_patterns;
} SvgReader;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names_,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgReader *reader = user_data;

  reader->in_text = g_str_equal (element, "text");
  reader->in_title = g_str_equal (element, "title");
  reader->n_rects += g_str_equal (element, "rect");
  reader->n_patterns += g_str_equal (element, "pattern");
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgReader *reader = user_data;

  if (reader->in_text)
    g_string_append_c (reader->texts, '\n');
  reader->in_text = reader->in_title = FALSE;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgReader *reader = user_data;

  if (reader->in_text)
    g_string_append_len (reader->texts, text, length);
  if (reader->in_title)
    g_string_append_len (reader->title, text, length);
}

static void
read_svg (GBytes    *svg,
          SvgReader *reader)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, reader, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);

  reader->texts = g_string_new (NULL);
  reader->title = g_string_new (NULL);
  g_assert_true (g_str_has_prefix (data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_svg (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  MeasuresChartStyle style = { FALSE };
  g_autoptr(GBytes) forms = measures_chart_to_svg (overview, MEASURES_CHART_FORMS, WIDTH, &style);
  g_autoptr(GBytes) years = measures_chart_to_svg (overview, MEASURES_CHART_YEARS, WIDTH, &style);
  SvgReader reader = { 0 };

  read_svg (forms, &reader);
  g_assert_cmpstr (reader.title->str, ==, "Measures by Form of Violence");
  g_assert_nonnull (strstr (reader.texts->str, "\nTrafficking\n6\n"));
  g_assert_nonnull (strstr (reader.texts->str, "Domestic violence/Intimate partner violence\n6\n"));
  g_assert_cmpuint (reader.n_rects, ==, 1 + 2);
  g_string_free (reader.texts, TRUE);
  g_string_free (reader.title, TRUE);

  /* The years, each as text, and the bars' parts as patterns. */
  memset (&reader, 0, sizeof reader);
  read_svg (years, &reader);
  g_assert_nonnull (strstr (reader.texts->str, "\n2009\n"));
  g_assert_nonnull (strstr (reader.texts->str, "\n2028\n"));
  g_assert_nonnull (strstr (reader.texts->str, "\nPolicies\n"));
  g_assert_cmpuint (reader.n_patterns, >=, 2);
  g_string_free (reader.texts, TRUE);
  g_string_free (reader.title, TRUE);
}

/* Labels are text in the SVG, escaped: markup in a record stays text. */
static void
test_svg_escapes (void)
{
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresOverview) overview =
    overview_of ("[{\"id\": \"a\", \"country\": \"Romania\", \"year\": \"2019 - 2022\","
                 " \"types\": \"Policies\", \"title\": \"Plan <b>A</b> & \\\"B\\\" ]]> 'c'\"}]", &index);
  MeasuresChartStyle style = { TRUE };
  g_autoptr(GBytes) svg = measures_chart_to_svg (overview, MEASURES_CHART_TIMELINE, WIDTH, &style);
  const char *data = g_bytes_get_data (svg, NULL);
  SvgReader reader = { 0 };

  g_assert_null (strstr (data, "<b>"));
  g_assert_nonnull (strstr (data, "Plan &lt;b&gt;A&lt;/b&gt; &amp; "));
  read_svg (svg, &reader);
  g_assert_nonnull (strstr (reader.texts->str, "Romania — Plan <b>A</b> & \"B\" ]]> 'c'\n"));
  g_string_free (reader.texts, TRUE);
  g_string_free (reader.title, TRUE);
}

static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Every character of @data, and every character reference in it, is one
 * that XML 1.0 allows. GMarkup is not enough: it accepts &#x1; and a
 * raw U+0001 or U+FFFE. */
static void
assert_xml_characters (const char *data,
                       gsize       size)
{
  const char *end = data + size;

  g_assert_true (g_utf8_validate (data, size, NULL));
  for (const char *p = data; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_xml_char (c))
        g_error ("U+%04X at byte %" G_GSIZE_FORMAT " is not an XML character", c, (gsize) (p - data));
      if (c == '&' && p + 1 < end && p[1] == '#')
        {
          gboolean hex = p + 2 < end && p[2] == 'x';
          guint64 value = g_ascii_strtoull (p + (hex ? 3 : 2), NULL, hex ? 16 : 10);

          if (!is_xml_char ((gunichar) value))
            g_error ("a reference to U+%04X at byte %" G_GSIZE_FORMAT " is not an XML character",
                     (guint) value, (gsize) (p - data));
        }
    }
}

/* Text no XML may hold (C0 controls, U+FFFE, U+FFFF) is replaced with
 * U+FFFD in every chart, in its labels, title and description; markup
 * characters stay escaped and the rest is kept. */
static void
test_svg_xml_characters (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "control-characters.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresCatalog) catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(MeasuresQuery) all = measures_query_new ();
  g_autoptr(MeasuresOverview) overview = NULL;
  MeasuresChartStyle style = { FALSE };

  g_assert_cmpuint (catalog->problems->len, ==, 0);
  g_assert_cmpuint (measures_index_get_n_measures (catalog->index), ==, 2);
  result = measures_index_evaluate (catalog->index, all);
  overview = measures_overview_new (catalog->index, result->matches, 2026);

  for (MeasuresChart chart = 0; chart < G_N_ELEMENTS (names); chart++)
    {
      g_autoptr(GBytes) svg = measures_chart_to_svg (overview, chart, WIDTH, &style);
      gsize size;
      const char *data = g_bytes_get_data (svg, &size);
      SvgReader reader = { 0 };

      g_test_message ("%s", names[chart]);
      assert_xml_characters (data, size);
      read_svg (svg, &reader);
      if (chart != MEASURES_CHART_YEARS)
        g_assert_nonnull (strstr (data, "\xef\xbf\xbd"));
      g_string_free (reader.texts, TRUE);
      g_string_free (reader.title, TRUE);

      if (chart == MEASURES_CHART_TIMELINE)
        {
          g_assert_nonnull (strstr (data, "<desc>A &amp; B &lt;c&gt;: Allowed: tab\t, C1 \xc2\x85\xc2\x9f, DEL \x7f, "
                                    "bidi \xe2\x80\xaegnp.exe, noncharacter \xf0\x9f\xbf\xbe, "
                                    "emoji \xf0\x9f\x98\x80, 2010\xe2\x80\x93" "2012; "
                                    "Romania\xef\xbf\xbd: Every control: [\xef\xbf\xbd"));
        }
    }
}

/* WCAG 2: 4.5:1 for text, 3:1 for the parts of bars and the axis, on
 * the chart's background, in light and dark. */
static void
test_contrast (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      MeasuresChartStyle style = { dark };
      MeasuresChartColors colors;

      measures_chart_get_colors (&style, &colors);
      g_test_message ("%s: text %.2f, dim text %.2f, axis %.2f", dark ? "dark" : "light",
                      measures_color_contrast (&colors.text, &colors.background),
                      measures_color_contrast (&colors.dim_text, &colors.background),
                      measures_color_contrast (&colors.axis, &colors.background));
      g_assert_cmpfloat (measures_color_contrast (&colors.text, &colors.background), >=, 4.5);
      g_assert_cmpfloat (measures_color_contrast (&colors.dim_text, &colors.background), >=, 4.5);
      g_assert_cmpfloat (measures_color_contrast (&colors.axis, &colors.background), >=, 3);

      for (guint i = 0; i < G_N_ELEMENTS (colors.parts); i++)
        {
          double ratio = measures_color_contrast (&colors.parts[i], &colors.background);

          g_test_message ("%s: part %u %.2f", dark ? "dark" : "light", i, ratio);
          g_assert_cmpfloat (ratio, >=, 3);
        }
    }

  /* The formula itself: black on white is 21:1, grey #767676 4.54:1. */
  {
    MeasuresColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 }, grey = { 0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0, 1 };
    MeasuresColor half = { 0, 0, 0, 0.5 };

    g_assert_cmpfloat_with_epsilon (measures_color_contrast (&black, &white), 21, 0.01);
    g_assert_cmpfloat_with_epsilon (measures_color_contrast (&grey, &white), 4.54, 0.01);
    g_assert_cmpfloat_with_epsilon (measures_color_contrast (&white, &grey), 4.54, 0.01);
    /* Half black over white is #808080. */
    g_assert_cmpfloat_with_epsilon (measures_color_contrast (&half, &white), 3.95, 0.05);
  }
}

/* Each chart of the eleven measures against its reference image. Fonts
 * differ a little between machines, so the test allows a small mean
 * difference per pixel rather than none. */
/* The family Pango draws the charts' text in. */
static char *
drawn_family (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoFontDescription) wanted = pango_font_description_from_string (measures_fonts_get_family ());
  PangoFont *font = pango_font_map_load_font (map, context, wanted);
  g_autoptr(PangoFontDescription) found = font != NULL ? pango_font_describe (font) : NULL;
  char *family = g_strdup (found != NULL ? pango_font_description_get_family (found) : "no font");

  g_clear_object (&font);
  g_object_unref (context);

  return family;
}

static void
test_reference_images (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  gboolean update = g_getenv ("MEASURES_UPDATE_REFERENCES") != NULL;
  g_autofree char *family = drawn_family ();

  /* The reference images are drawn in Cantarell, under the tests' own
   * fontconfig file (tests/fonts); without it nothing here can match. */
  if (g_strcmp0 (family, "Cantarell") != 0)
    {
      g_test_message ("Text is drawn in %s, not Cantarell: install fonts-cantarell "
                      "(the README's test command does) and run under meson test", family);
      g_test_fail ();
      return;
    }

  for (guint dark = 0; dark < 2; dark++)
    for (guint chart = 0; chart < MEASURES_N_CHARTS; chart++)
      {
        MeasuresChartStyle style = { dark };
        g_autofree char *name = g_strdup_printf ("%s%s.png", names[chart], dark ? "-dark" : "");
        g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);
        g_autoptr(GBytes) png = measures_chart_to_png (overview, chart, WIDTH, 1, &style, NULL);
        cairo_surface_t *actual, *expected;
        const guint8 *a, *e;
        double total = 0, mean;
        int width, height;

        g_assert_nonnull (png);

        if (update)
          {
            g_autoptr(GError) error = NULL;

            g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
            g_assert_no_error (error);
            continue;
          }

        actual = surface_from_png (png);
        expected = cairo_image_surface_create_from_png (path);
        g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);

        width = cairo_image_surface_get_width (actual);
        height = cairo_image_surface_get_height (actual);
        g_assert_cmpint (cairo_image_surface_get_width (expected), ==, width);
        g_assert_cmpint (cairo_image_surface_get_height (expected), ==, height);

        cairo_surface_flush (actual);
        cairo_surface_flush (expected);
        a = cairo_image_surface_get_data (actual);
        e = cairo_image_surface_get_data (expected);
        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            for (int c = 0; c < 3; c++)
              {
                int at = y * cairo_image_surface_get_stride (actual) + x * 4 + c;
                int et = y * cairo_image_surface_get_stride (expected) + x * 4 + c;

                total += abs ((int) a[at] - (int) e[et]);
              }
        mean = total / ((double) width * height * 3);
        g_test_message ("%s: mean difference %.3f", name, mean);

        if (mean > 1.5)
          {
            g_autofree char *out = g_test_build_filename (G_TEST_BUILT, name, NULL);

            cairo_surface_write_to_png (actual, out);
            g_test_message ("The chart differs from %s; it is in %s", path, out);
          }
        g_assert_cmpfloat (mean, <=, 1.5);

        cairo_surface_destroy (actual);
        cairo_surface_destroy (expected);
      }
}

/* A summary in Romanian labels its charts in Romanian, whatever the
 * language of the interface. */
static void
test_relabel (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresOverview) overview = bundled_overview (&catalog, NULL);
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  MeasuresChartStyle style = { FALSE, 0, ro };
  g_autoptr(GPtrArray) forms = NULL;
  g_autoptr(GBytes) svg = NULL;
  SvgReader reader = { 0 };

  measures_overview_relabel (overview, catalog->index, ro);
  forms = measures_chart_get_table (overview, MEASURES_CHART_FORMS, ro);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (forms, 0))[0], ==, "Formă de violență");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (forms, 2))[0], ==, "Trafic de persoane");
  g_assert_cmpstr (g_ptr_array_index (overview->categories, 0), ==, "Politici");

  svg = measures_chart_to_svg (overview, MEASURES_CHART_TIMELINE, WIDTH, &style);
  read_svg (svg, &reader);
  g_assert_cmpstr (reader.title->str, ==, "Cronologia măsurilor întinse pe mai mulți ani");
  g_assert_nonnull (strstr (reader.texts->str, "Republica Moldova — "));
  g_string_free (reader.texts, TRUE);
  g_string_free (reader.title, TRUE);
}

/* Text too long for its room is cut to the most that fits with "…", at
 * its end or in its middle, whatever the script; text that fits is kept. */
static void
test_fit_text (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = measures_canvas_create_context (96);
  MeasuresCanvas *canvas = measures_canvas_new_cairo (cr, context);
  const char *texts[] = {
    "National Strategy Against Trafficking in Persons 2018-2022",
    "Strategia națională împotriva traficului de persoane 2018–2022",
    "الاستراتيجية الوطنية لمكافحة الاتجار بالبشر 2018-2022",
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (int middle = 0; middle < 2; middle++)
      for (double room = 20; room <= 400; room += 30)
        {
          MeasuresTextRun run = { texts[i], 0, 0, 9, FALSE, room, MEASURES_ALIGN_START, { 0, 0, 0, 1 }, middle };
          MeasuresTextRun whole = run;
          double width = -1, whole_width = -1;
          g_autofree char *fitted = measures_canvas_fit_text (canvas, &run, &width);
          g_autofree char *all = NULL;

          whole.max_width = 0;
          all = measures_canvas_fit_text (canvas, &whole, &whole_width);
          g_assert_cmpstr (all, ==, texts[i]);

          if (whole_width <= room)
            {
              g_assert_cmpstr (fitted, ==, texts[i]);
              continue;
            }

          /* Cut, with the ellipsis, within its room (or the ellipsis
           * alone when nothing more fits). */
          g_assert_true (g_utf8_validate (fitted, -1, NULL));
          g_assert_nonnull (strstr (fitted, "…"));
          g_assert_true (width <= room || g_str_equal (fitted, "…") || g_utf8_strlen (fitted, -1) <= 2);
          if (middle && g_utf8_strlen (fitted, -1) > 12 && i < 2)
            g_assert_true (g_str_has_suffix (fitted, "2022"));
        }

  measures_canvas_free (canvas);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Draws @chart of @overview into a new image. */
static cairo_surface_t *
draw_image (MeasuresOverview         *overview,
            MeasuresChart             chart,
            PangoContext             *context,
            const MeasuresChartStyle *style)
{
  double height = measures_chart_get_height (overview, chart, 600);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, (int) ceil (height));
  cairo_t *cr = cairo_create (surface);

  measures_chart_draw (overview, chart, cr, context, 600, height, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return height == cairo_image_surface_get_height (b) && stride == cairo_image_surface_get_stride (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize) height * stride) == 0;
}

/* Labels kept from one draw to the next draw exactly what shaping them
 * anew draws, for other figures too, and after the fonts' resolution
 * changes. */
static void
test_text_cache (void)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresCatalog) other_catalog = NULL;
  g_autoptr(MeasuresQuery) romania = measures_query_new ();
  const char *places[] = { "Romania", NULL };
  g_autoptr(MeasuresOverview) all = bundled_overview (&catalog, NULL);
  g_autoptr(MeasuresOverview) some = NULL;
  g_autoptr(MeasuresTextCache) cache = measures_text_cache_new ();
  PangoContext *context = measures_canvas_create_context (96);
  MeasuresChartStyle plain = { FALSE };
  MeasuresChartStyle cached = { FALSE, 0, NULL, cache };

  measures_query_set_places (romania, places, NULL);
  some = bundled_overview (&other_catalog, romania);

  for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
    for (guint round = 0; round < 3; round++)
      {
        MeasuresOverview *overview = round == 1 ? some : all;
        cairo_surface_t *fresh, *kept;

        if (round == 2)
          pango_cairo_context_set_resolution (context, 120);
        fresh = draw_image (overview, chart, context, &plain);
        kept = draw_image (overview, chart, context, &cached);
        g_assert_true (same_pixels (fresh, kept));
        cairo_surface_destroy (fresh);
        cairo_surface_destroy (kept);
        pango_cairo_context_set_resolution (context, 96);
      }

  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  /* The reference images are in English. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/draw-all", test_draw_all);
  g_test_add_func ("/chart/hit", test_hit);
  g_test_add_func ("/chart/describe-hit", test_describe_hit);
  g_test_add_func ("/chart/timeline-order", test_timeline_order);
  g_test_add_func ("/chart/tables", test_tables);
  g_test_add_func ("/chart/empty", test_empty);
  g_test_add_func ("/chart/png", test_png);
  g_test_add_func ("/chart/svg", test_svg);
  g_test_add_func ("/chart/svg-escapes", test_svg_escapes);
  g_test_add_func ("/chart/svg-xml-characters", test_svg_xml_characters);
  g_test_add_func ("/chart/contrast", test_contrast);
  g_test_add_func ("/chart/reference-images", test_reference_images);
  g_test_add_func ("/chart/relabel", test_relabel);

  g_test_add_func ("/chart/fit-text", test_fit_text);
  g_test_add_func ("/chart/text-cache", test_text_cache);

  return g_test_run ();
}
