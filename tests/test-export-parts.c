/* test-export-parts.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of a summary the user asks for: the coverage matrix and the
 * world map. Their blocks are there when asked for and only then; HTML
 * carries the matrix as a table (parsed here) and the map as an <svg>
 * element, Markdown a table and a data: image, the PDF the drawn
 * matrix and the map on its cover (read back with pdftotext).
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <locale.h>
#include <string.h>

#include "measures-export.h"
#include "measures-loader.h"
#include "measures-pages.h"
#include "measures-query.h"
#include "measures-summary.h"
#include "measures-writer.h"

static GPtrArray *eleven;

static const MeasuresSummaryOptions both = {
  MEASURES_SUMMARY_PART_MATRIX | MEASURES_SUMMARY_PART_MAP, MEASURES_COVERAGE_BY_CATEGORY, MEASURES_MAP_WORLD,
};

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* The first block of @kind, or -1. */
static int
find_block (MeasuresSummary     *summary,
            MeasuresSummaryKind  kind)
{
  for (guint i = 0; i < summary->blocks->len; i++)
    if (((MeasuresSummaryBlock *) g_ptr_array_index (summary->blocks, i))->kind == kind)
      return i;

  return -1;
}

static int
find_heading (MeasuresSummary *summary,
              const char      *text)
{
  for (guint i = 0; i < summary->blocks->len; i++)
    {
      MeasuresSummaryBlock *block = g_ptr_array_index (summary->blocks, i);

      if (block->kind == MEASURES_SUMMARY_HEADING && g_str_equal (block->text, text))
        return i;
    }

  return -1;
}

/* The blocks: the map on the cover before the charts, the matrix after
 * the counts and before the contents, a table of every country; none of
 * them unless asked for, and never in one measure's summary. */
static void
test_blocks (void)
{
  g_autoptr(MeasuresSummary) plain = measures_summary_new (eleven, NULL, FALSE, "en", NULL);
  g_autoptr(MeasuresSummary) summary = measures_summary_new_full (eleven, NULL, FALSE, "en", NULL, &both);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MeasuresSummary) single = NULL;
  MeasuresSummaryOptions map_only = { MEASURES_SUMMARY_PART_MAP, MEASURES_COVERAGE_BY_FORM, MEASURES_MAP_EUROPE };
  g_autoptr(MeasuresSummary) map = measures_summary_new_full (eleven, NULL, FALSE, "en", NULL, &map_only);
  MeasuresSummaryOptions by_form = { MEASURES_SUMMARY_PART_MATRIX, MEASURES_COVERAGE_BY_FORM, MEASURES_MAP_WORLD };
  g_autoptr(MeasuresSummary) forms = measures_summary_new_full (eleven, NULL, FALSE, "ro", NULL, &by_form);
  const MeasuresSummaryBlock *matrix;
  int m, p;

  g_assert_cmpint (find_block (plain, MEASURES_SUMMARY_MATRIX), ==, -1);
  g_assert_cmpint (find_block (plain, MEASURES_SUMMARY_MAP), ==, -1);
  g_assert_null (plain->coverage);

  p = find_block (summary, MEASURES_SUMMARY_MAP);
  m = find_block (summary, MEASURES_SUMMARY_MATRIX);
  g_assert_cmpint (p, >, 0);
  g_assert_cmpint (p, <, find_block (summary, MEASURES_SUMMARY_CHART));
  g_assert_cmpint (p - 1, ==, find_heading (summary, "Matching Measures per Country"));
  g_assert_cmpint (m - 1, ==, find_heading (summary, "Measures per Country and Category"));
  g_assert_cmpint (m, >, find_heading (summary, "Measures by Type of Measure"));
  g_assert_cmpint (m, <, find_heading (summary, "Contents"));
  /* The rest is the plain summary's, with the two parts and their headings. */
  g_assert_cmpuint (summary->blocks->len, ==, plain->blocks->len + 4);

  matrix = g_ptr_array_index (summary->blocks, m);
  g_assert_nonnull (summary->coverage);
  g_assert_cmpuint (matrix->rows->len, ==, summary->coverage->rows->len);
  g_assert_cmpuint (g_strv_length (matrix->header), ==, summary->coverage->columns->len + 3);
  g_assert_cmpstr (matrix->header[0], ==, "Country");
  g_assert_cmpstr (matrix->header[summary->coverage->columns->len + 2], ==, "Measures");
  g_assert_nonnull (strstr (matrix->label, "none of them matches the filters"));

  g_assert_cmpint (find_block (map, MEASURES_SUMMARY_MATRIX), ==, -1);
  g_assert_cmpint (find_block (map, MEASURES_SUMMARY_MAP), >, 0);
  g_assert_cmpint (map->zoom, ==, MEASURES_MAP_EUROPE);

  /* In the summary's language, with the columns asked for. */
  g_assert_cmpint (find_block (forms, MEASURES_SUMMARY_MAP), ==, -1);
  g_assert_cmpint (find_heading (forms, "Măsuri pe țări și forme de violență"), >, 0);
  g_assert_cmpint (forms->coverage->by, ==, MEASURES_COVERAGE_BY_FORM);
  matrix = g_ptr_array_index (forms->blocks, find_block (forms, MEASURES_SUMMARY_MATRIX));
  g_assert_cmpstr (matrix->header[0], ==, "Țară");
  g_assert_nonnull (strstr (matrix->label, "niciuna dintre ele nu corespunde filtrelor"));

  g_ptr_array_add (one, g_object_ref (g_ptr_array_index (eleven, 0)));
  single = measures_summary_new_full (one, NULL, TRUE, "en", NULL, &both);
  g_assert_cmpint (find_block (single, MEASURES_SUMMARY_MATRIX), ==, -1);
  g_assert_cmpint (find_block (single, MEASURES_SUMMARY_MAP), ==, -1);
}

static const char * const *
table_row (const MeasuresSummaryBlock *matrix,
           const char                 *country)
{
  for (guint r = 0; r < matrix->rows->len; r++)
    {
      const char * const *row = g_ptr_array_index (matrix->rows, r);

      if (g_str_equal (row[0], country))
        return row;
    }

  return NULL;
}

/* Counted against the index the measures were chosen from, a country
 * none of whose measures match has zeros where it has measures and
 * dashes where it has none; counted alone, it is not there. */
static void
test_none_and_zero (void)
{
  g_autoptr(MeasuresIndex) index = measures_index_new (eleven);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *romania[] = { "Romania", NULL };
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  MeasuresSummaryOptions options = both;
  g_autoptr(MeasuresSummary) summary = NULL;
  g_autoptr(MeasuresSummary) alone = NULL;
  const MeasuresSummaryBlock *matrix;
  const char * const *moldova;
  gboolean zero = FALSE, none = FALSE;

  measures_query_set_places (query, romania, NULL);
  result = measures_index_evaluate (index, query);
  for (guint i = 0; i < eleven->len; i++)
    if (measures_bitset_get (result->matches, i))
      g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (eleven, i)));
  g_assert_cmpuint (chosen->len, >, 1);

  options.index = index;
  options.matches = result->matches;
  summary = measures_summary_new_full (chosen, query, FALSE, "en", NULL, &options);
  matrix = g_ptr_array_index (summary->blocks, find_block (summary, MEASURES_SUMMARY_MATRIX));
  moldova = table_row (matrix, "Republic of Moldova");
  g_assert_nonnull (moldova);
  g_assert_nonnull (table_row (matrix, "Romania"));
  for (guint c = 2; moldova[c + 1] != NULL; c++)
    {
      zero |= g_str_equal (moldova[c], "0");
      none |= g_str_equal (moldova[c], "–");
    }
  g_assert_true (zero);
  g_assert_true (none);
  g_assert_cmpstr (moldova[g_strv_length ((char **) moldova) - 1], ==, "0");

  alone = measures_summary_new_full (chosen, query, FALSE, "en", NULL, &both);
  matrix = g_ptr_array_index (alone->blocks, find_block (alone, MEASURES_SUMMARY_MATRIX));
  g_assert_null (table_row (matrix, "Republic of Moldova"));
  g_assert_nonnull (table_row (matrix, "Romania"));
}

/* What the parser saw of the matrix's table. */
typedef struct
{
  guint rows;
  guint row_heads;
  guint shaded;
  guint none;
  gboolean in_row_head;
  GString *heads;
} Table;

static void
table_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              data,
             GError              **error)
{
  Table *table = data;

  if (g_str_equal (element, "tr"))
    table->rows++;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (element, "th") && g_str_equal (names[i], "scope") && g_str_equal (values[i], "row"))
        {
          table->row_heads++;
          table->in_row_head = TRUE;
        }
      if (g_str_equal (element, "td") && g_str_equal (names[i], "style") &&
          g_str_has_prefix (values[i], "background:#"))
        table->shaded++;
      if (g_str_equal (element, "td") && g_str_equal (names[i], "class") && g_str_equal (values[i], "cell none"))
        table->none++;
    }
}

static void
table_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              data,
           GError              **error)
{
  ((Table *) data)->in_row_head = FALSE;
}

static void
table_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              data,
            GError              **error)
{
  Table *table = data;

  if (table->in_row_head)
    {
      g_string_append_len (table->heads, text, length);
      g_string_append_c (table->heads, '\n');
    }
}

/* The text between @start and the first @end after it, both included. */
static char *
between (const char *text,
         const char *start,
         const char *end)
{
  const char *from = strstr (text, start);
  const char *to = from != NULL ? strstr (from, end) : NULL;

  g_assert_nonnull (to);

  return g_strndup (from, to + strlen (end) - from);
}

static void
test_html (void)
{
  g_autoptr(MeasuresSummary) summary = measures_summary_new_full (eleven, NULL, FALSE, "en", NULL, &both);
  g_autoptr(GBytes) html = measures_writer_html (summary);
  g_autoptr(GBytes) plain = measures_export_bytes (eleven, NULL, FALSE, MEASURES_FORMAT_HTML, "en", NULL, NULL);
  g_autofree char *text = bytes_to_string (html);
  g_autofree char *plain_text = bytes_to_string (plain);
  g_autofree char *matrix = between (text, "<table class=\"matrix\">", "</table>");
  g_autofree char *map = between (text, "<figure class=\"chart map\">", "</figure>");
  static const GMarkupParser parser = { table_start, table_end, table_text, NULL, NULL };
  Table table = { 0, .heads = g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &table, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) map_context = NULL;
  static const GMarkupParser nothing = { NULL };
  guint cells = 0;

  g_assert_true (g_markup_parse_context_parse (context, matrix, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (table.rows, ==, 1 + summary->coverage->rows->len);
  g_assert_cmpuint (table.row_heads, ==, summary->coverage->rows->len);
  g_assert_nonnull (strstr (table.heads->str, "Romania\n"));
  g_assert_nonnull (strstr (table.heads->str, "Republic of Moldova\n"));
  for (guint r = 0; r < summary->coverage->rows->len; r++)
    for (guint c = 0; c < summary->coverage->columns->len; c++)
      cells += g_array_index (summary->coverage->rows, MeasuresCoverageRow, r).possible[c] == 0;
  /* "None" hatched, every other count on its shade. */
  g_assert_cmpuint (table.none, ==, cells);
  g_assert_cmpuint (table.shaded, ==, summary->coverage->rows->len * summary->coverage->columns->len - cells);
  g_string_free (table.heads, TRUE);

  /* The map, an element of the page with its countries as text; on the
   * cover, before the first chart. */
  map_context = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (map_context, map, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (map_context, &error));
  g_assert_nonnull (strstr (map, "<title id=\"map-title\">Matching Measures per Country</title>"));
  g_assert_nonnull (strstr (map, "Romania: "));
  g_assert_null (strstr (text, "<?xml"));
  g_assert_true (strstr (text, "<figure class=\"chart map\">") < strstr (text, "<figure class=\"chart\">"));
  g_assert_true (strstr (text, "<table class=\"matrix\">") < strstr (text, "<h2>Contents</h2>"));

  g_assert_cmpuint (count (plain_text, "class=\"matrix\""), ==, 0);
  g_assert_cmpuint (count (plain_text, "class=\"chart map\""), ==, 0);
  g_assert_cmpuint (count (plain_text, "Matching Measures per Country"), ==, 0);
}

static void
test_markdown (void)
{
  g_autoptr(MeasuresSummary) summary = measures_summary_new_full (eleven, NULL, FALSE, "en", NULL, &both);
  g_autoptr(GBytes) md = measures_writer_markdown (summary);
  g_autoptr(GBytes) plain = measures_export_bytes (eleven, NULL, FALSE, MEASURES_FORMAT_MARKDOWN, "en", NULL, NULL);
  g_autofree char *text = bytes_to_string (md);
  g_autofree char *plain_text = bytes_to_string (plain);
  const char *image = "## Matching Measures per Country\n\n![Matching Measures per Country](data:image/svg+xml;base64,";
  const char *p = strstr (text, image);
  const char *table = strstr (text, "## Measures per Country and Category\n\n| Country | Region | ");
  g_autofree char *base64 = NULL;
  g_autofree guchar *svg = NULL;
  g_autoptr(GBytes) drawn = NULL;
  gsize length;
  guint rows = 0;

  g_assert_nonnull (p);
  p += strlen (image);
  base64 = g_strndup (p, strstr (p, ")\n\n") - p);
  svg = g_base64_decode (base64, &length);
  drawn = measures_map_to_svg (summary->coverage, summary->zoom, MEASURES_CHART_IMAGE_WIDTH, &summary->chart_style);
  g_assert_cmpmem (svg, length, g_bytes_get_data (drawn, NULL), g_bytes_get_size (drawn));

  /* A row a country under the header and its rule, then what – and 0 say. */
  g_assert_nonnull (table);
  for (const char *line = strchr (table, '|'); line != NULL && *line == '|'; line = strchr (line, '\n') + 1)
    rows++;
  g_assert_cmpuint (rows, ==, 2 + summary->coverage->rows->len);
  g_assert_nonnull (strstr (table, "| Romania | Europe | "));
  g_assert_nonnull (strstr (table, "\n_–: the data has no such measure of the country · 0: none of them matches the "
                            "filters_\n\n## Contents"));

  g_assert_null (strstr (plain_text, "Matching Measures per Country"));
  g_assert_null (strstr (plain_text, "Measures per Country and Category"));
}

/* How many pages @summary takes on A4. */
static guint
count_pages (MeasuresSummary *summary)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  MeasuresPages *pages;
  guint n;

  pango_cairo_context_set_resolution (context, 72);
  pages = measures_pages_new (summary, context, 595.28, 841.89);
  n = measures_pages_get_n_pages (pages);
  measures_pages_free (pages);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return n;
}

/* pdftotext's text of @pages of @pdf ("1" the cover, NULL all), every
 * run of white space one space; %NULL without pdftotext. */
static char *
pdf_text (GBytes     *pdf,
          const char *last_page)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-parts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-l", last_page != NULL ? last_page : "9999", path, "-", NULL };
  g_auto(GStrv) words = NULL;
  gboolean ran;
  int status;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  ran = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                      &out, NULL, &status, NULL);
  g_unlink (path);
  g_rmdir (dir);
  if (!ran)
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  words = g_strsplit_set (out, " \n\t\f\r", -1);
  {
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", words[i]);

    return g_string_free (g_steal_pointer (&joined), FALSE);
  }
}

/* The job writes the parts it is given: in the PDF the map on the cover
 * and the drawn matrix with its text, its legend after the last row. */
static void
test_pdf (void)
{
  g_autoptr(MeasuresExport) job = measures_export_new_summary (MEASURES_FORMAT_PDF, eleven, NULL, FALSE, "en");
  g_autoptr(MeasuresExport) job_ro = measures_export_new_summary (MEASURES_FORMAT_PDF, eleven, NULL, FALSE, "ro");
  g_autoptr(GBytes) plain = measures_export_bytes (eleven, NULL, FALSE, MEASURES_FORMAT_PDF, "en", NULL, NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf_ro = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_ro = NULL;
  g_autofree char *plain_text = NULL;
  g_autoptr(GError) error = NULL;
  const char *matrix;

  measures_export_set_summary_options (job, &both);
  measures_export_set_summary_options (job_ro, &both);
  pdf = measures_export_to_bytes (job, NULL, &error);
  g_assert_no_error (error);
  pdf_ro = measures_export_to_bytes (job_ro, NULL, &error);
  g_assert_no_error (error);

  cover = pdf_text (pdf, "1");
  if (cover == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  text = pdf_text (pdf, NULL);
  text_ro = pdf_text (pdf_ro, NULL);
  plain_text = pdf_text (plain, NULL);

  g_assert_nonnull (strstr (cover, "Matching Measures per Country"));
  g_assert_nonnull (strstr (cover, "no measures in the data"));
  g_assert_null (strstr (cover, "Measures per Country and Category"));

  matrix = strstr (text, "Measures per Country and Category");
  g_assert_nonnull (matrix);
  g_assert_true (matrix < strstr (text, "Contents"));
  g_assert_nonnull (strstr (matrix, "Europe"));
  g_assert_nonnull (strstr (matrix, "Romania"));
  g_assert_nonnull (strstr (matrix, "none in the data"));

  g_assert_nonnull (strstr (text_ro, "Măsuri potrivite pe țări"));
  g_assert_nonnull (strstr (text_ro, "Măsuri pe țări și categorii"));
  g_assert_nonnull (strstr (text_ro, "Republica Moldova"));

  g_assert_null (strstr (plain_text, "Matching Measures per Country"));
  g_assert_null (strstr (plain_text, "Measures per Country and Category"));
}

/* A matrix of many countries is cut into pages: every country is on
 * one, the legend after the last. (pdftotext leaves out the turned
 * headings of the columns, which each page repeats.) */
static void
test_pdf_pages (void)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MeasuresSummary) summary = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = {
    "Albania", "Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland",
    "France", "Germany", "Greece", "Hungary", "Iceland", "Ireland", "Italy", "Kosovo", "Latvia", "Lithuania",
    "Luxembourg", "Malta", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal",
    "Republic of Moldova", "Romania", "Serbia", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland",
    "Ukraine", "Argentina", "Brazil", "Chile", "Colombia", "Mexico", "Peru", "Kenya", "Nigeria", "Egypt", "Ghana",
    "India", "Japan", "Nepal", "Fiji",
  };
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (json, "%s{\"id\": \"m%u\", \"country\": \"%s\", \"types\": \"Policies\", \"title\": \"M%u\"}",
                            i > 0 ? "," : "", i, names[i], i);
  g_string_append_c (json, ']');
  {
    g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);
    g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "many.json");

    GPtrArray *measures = measures_dataset_get_measures (dataset);

    for (guint i = 0; i < measures->len; i++)
      g_ptr_array_add (many, g_object_ref (g_ptr_array_index (measures, i)));
  }
  summary = measures_summary_new_full (many, NULL, FALSE, "en", NULL, &both);
  g_assert_cmpuint (summary->coverage->rows->len, ==, G_N_ELEMENTS (names));
  pdf = measures_pages_write_pdf (summary, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf, NULL);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  {
    MeasuresSummaryOptions map_only = { MEASURES_SUMMARY_PART_MAP, MEASURES_COVERAGE_BY_CATEGORY, MEASURES_MAP_WORLD };
    g_autoptr(MeasuresSummary) without = measures_summary_new_full (many, NULL, FALSE, "en", NULL, &map_only);

    /* Two pages of its own at least, the first starting with its heading. */
    g_assert_cmpuint (count_pages (summary), >=, count_pages (without) + 2);
  }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_nonnull (strstr (strstr (text, "Measures per Country and Category"), names[i]));
  g_assert_cmpuint (count (text, "none in the data"), ==, 1);
  g_assert_true (strstr (text, "Fiji") < strstr (text, "none in the data"));
  /* Kosovo, on the map and under Europe: not listed as off it. */
  g_assert_null (strstr (text, "Not on the map"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  file = g_file_new_for_path (path);
  dataset = measures_loader_load_file (file, NULL);
  eleven = g_ptr_array_ref (measures_dataset_get_measures (dataset));

  g_test_add_func ("/export-parts/blocks", test_blocks);
  g_test_add_func ("/export-parts/none-and-zero", test_none_and_zero);
  g_test_add_func ("/export-parts/html", test_html);
  g_test_add_func ("/export-parts/markdown", test_markdown);
  g_test_add_func ("/export-parts/pdf", test_pdf);
  g_test_add_func ("/export-parts/pdf-pages", test_pdf_pages);

  return g_test_run ();
}
