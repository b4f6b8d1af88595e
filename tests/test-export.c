/* test-export.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "measures-file.h"
#include "measures-cli.h"
#include "measures-loader.h"
#include "measures-export.h"
#include "measures-summary.h"
#include "measures-writer.h"

#define SEED_ID "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022"

static GPtrArray *bundled;

/* Set to make the next fsync() of the program fail with EIO: the core
 * library is linked in statically, so it calls this one. */
static gboolean fail_fsync;

int
fsync (int fd)
{
  if (fail_fsync)
    {
      fail_fsync = FALSE;
      errno = EIO;
      return -1;
    }

  return (int) syscall (SYS_fsync, fd);
}

static GPtrArray *
load (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "export.json");

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);

  return g_ptr_array_ref (measures_dataset_get_measures (dataset));
}

static GPtrArray *
seed_only (void)
{
  GPtrArray *one = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (one, g_object_ref (g_ptr_array_index (bundled, 0)));
  g_assert_cmpstr (measures_measure_get_id (g_ptr_array_index (one, 0)), ==, SEED_ID);

  return one;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static char *pdf_pages_text (GBytes     *pdf,
                             const char *last_page);

/* pdftotext's text with every run of white space made one space. */
static char *
pdf_text (GBytes *pdf)
{
  return pdf_pages_text (pdf, NULL);
}

/* The same, of the pages up to @last_page only, when it is not %NULL. */
static char *
pdf_pages_text (GBytes     *pdf,
                const char *last_page)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-l", last_page != NULL ? last_page : "9999", path, "-", NULL };
  int status;
  g_auto(GStrv) words = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_unlink (path);
      g_rmdir (dir);
      return NULL;
    }
  g_unlink (path);
  g_rmdir (dir);
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

static void
test_pdf_seed (void)
{
  g_autoptr(GPtrArray) one = seed_only ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = measures_export_bytes (one, NULL, TRUE, MEASURES_FORMAT_PDF, "en", NULL, &error);
  g_autofree char *text = NULL;
  const char *objectives[] = {
    "To strengthen and diversify the measures to prevent trafficking in persons.",
    "To improve the quality of protection and assiatance provided to victims of trafficking in persons for social reintegration.",
    "To develop the capacity to investigate trafficking offenses and trafficking in minors.",
    "To increase the quality of dissminated information on the phenomenon of trafficking in persons.",
    "To develop and extend the cooperation process among the relevant national and international actors",
  };

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));

  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "National Strategy Against Trafficking in Persons 2018-2022"));
  g_assert_nonnull (strstr (text, "2019–2022"));
  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    g_assert_nonnull (strstr (text, objectives[i]));
  g_assert_nonnull (strstr (text, "Romania's submission for National Review for Implementation of the Beijing Platform for Action, Beijing+25, 2019, p.41"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

static void
test_pdf_romanian (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = measures_export_bytes (bundled, NULL, FALSE, MEASURES_FORMAT_PDF, "ro", NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  g_assert_nonnull (strstr (text, "Măsuri de combatere a violenței împotriva femeilor"));
  g_assert_nonnull (strstr (text, "Toate măsurile"));
  g_assert_nonnull (strstr (text, "11 măsuri"));
  g_assert_nonnull (strstr (text, "Cuprins"));
  g_assert_nonnull (strstr (text, "Tip de măsură"));
  g_assert_nonnull (strstr (text, "Strategia națională împotriva traficului de persoane 2018–2022"));
  g_assert_nonnull (strstr (text, "Consolidarea și diversificarea măsurilor de prevenire a traficului de persoane."));
  g_assert_nonnull (strstr (text, "Pagina 1 din "));
}

/* The cover of a summary of several measures carries the chart per year
 * and the timeline, in the summary's language; one measure's has none. */
static void
test_pdf_cover_charts (void)
{
  g_autoptr(GBytes) en = measures_export_bytes (bundled, NULL, FALSE, MEASURES_FORMAT_PDF, "en", NULL, NULL);
  g_autoptr(GBytes) ro = measures_export_bytes (bundled, NULL, FALSE, MEASURES_FORMAT_PDF, "ro", NULL, NULL);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) single = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *cover_ro = NULL;
  g_autofree char *single_text = NULL;

  cover = pdf_pages_text (en, "1");
  if (cover == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_test_message ("Cover: %s", cover);

  g_assert_nonnull (strstr (cover, "Measures in Force per Year"));
  g_assert_nonnull (strstr (cover, "2009"));
  g_assert_nonnull (strstr (cover, "Policies"));
  g_assert_nonnull (strstr (cover, "Timeline of Measures over Several Years"));
  g_assert_nonnull (strstr (cover, "Republic of Moldova —"));
  /* Shortened titles keep their start and their years: the two action
   * plans still differ. */
  g_assert_nonnull (strstr (cover, "National Strategy Against"));
  g_assert_nonnull (strstr (cover, "2024-2028"));
  g_assert_nonnull (strstr (cover, "National Action Plan 2018-2020"));
  g_assert_nonnull (strstr (cover, "National Action Plan 2021-2022"));
  /* The headings come before the counts, on the cover. */
  g_assert_true (strstr (cover, "Timeline of Measures") < strstr (cover, "Measures by Form of Violence"));

  cover_ro = pdf_pages_text (ro, "1");
  g_assert_nonnull (strstr (cover_ro, "Măsuri în vigoare pe ani"));
  g_assert_nonnull (strstr (cover_ro, "Cronologia măsurilor întinse pe mai mulți ani"));
  g_assert_nonnull (strstr (cover_ro, "Politici"));
  g_assert_nonnull (strstr (cover_ro, "Republica Moldova — "));

  g_ptr_array_add (one, g_object_ref (g_ptr_array_index (bundled, 0)));
  single = measures_export_bytes (one, NULL, TRUE, MEASURES_FORMAT_PDF, "en", NULL, NULL);
  single_text = pdf_text (single);
  g_assert_null (strstr (single_text, "Measures in Force per Year"));
}

static void
test_html_escapes (void)
{
  g_autoptr(GPtrArray) measures =
    load ("[{\"id\":\"x\",\"country\":\"A & B\",\"title\":\"<script>alert(\\\"x\\\")</script> & \\\"quotes\\\"\","
          "\"description\":\"<b>bold</b>\\n- item <i>\","
          "\"url\":\"javascript:alert(1)\"},"
          "{\"id\":\"y\",\"country\":\"C\",\"title\":\"Link\",\"url\":\"https://example.org/?a=1&b=\\\"2\\\"\"}]");
  g_autoptr(GBytes) html = measures_export_bytes (measures, NULL, FALSE, MEASURES_FORMAT_HTML, "en", NULL, NULL);
  g_autofree char *text = bytes_to_string (html);

  g_assert_null (strstr (text, "<script>"));
  g_assert_null (strstr (text, "<b>bold"));
  g_assert_null (strstr (text, "<i>"));
  g_assert_nonnull (strstr (text, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;"));
  g_assert_nonnull (strstr (text, "<li>item &lt;i&gt;</li>"));
  g_assert_nonnull (strstr (text, "A &amp; B"));
  /* Only http and https are links. */
  g_assert_null (strstr (text, "href=\"javascript"));
  g_assert_nonnull (strstr (text, "href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
}

static void
test_markdown (void)
{
  g_autoptr(GPtrArray) measures =
    load ("[{\"id\":\"x\",\"country\":\"R\",\"title\":\"A | B *bold* <b>\",\"description\":\"Intro\\n- one\\n- two\"}]");
  g_autoptr(GBytes) md = measures_export_bytes (measures, NULL, FALSE, MEASURES_FORMAT_MARKDOWN, "en", NULL, NULL);
  g_autofree char *text = bytes_to_string (md);

  g_assert_nonnull (strstr (text, "| A \\| B \\*bold\\* &lt;b\\> | R |"));
  g_assert_nonnull (strstr (text, "## A \\| B \\*bold\\* &lt;b\\>\n"));
  g_assert_nonnull (strstr (text, "Intro\n\n- one\n- two\n"));
}

/* Record text that Markdown would read as a heading, a list, a rule, a
 * quote or a table is escaped so that it shows as the text it is. A
 * description's "- " lines are list items in the data format, and stay
 * a list; the same marks in a list item or a field are escaped. */
static void
test_markdown_blocks (void)
{
  g_autoptr(GPtrArray) measures =
    load ("[{\"id\":\"x\",\"country\":\"R\",\"title\":\"1. Title\\n===\","
          "\"description\":\"Para\\n===\\n\\nPara\\n---\\n\\n1. x\\n2) y\\n2018. The law\\n3.5 million\\n\\n"
          "* x\\n+ x\\n\\n---\\n\\n# x\\n\\n> x\\n\\n| a |\\n|---|\\n\\n- item\\n- - nested\\n- 1. nested\","
          "\"source\":\"- x\\n1. y\\n    + z\"}]");
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 8, 0, 0, 0);
  g_autoptr(MeasuresSummary) summary = measures_summary_new (measures, NULL, FALSE, "en", date);
  g_autoptr(GBytes) md = measures_writer_markdown (summary);
  g_autofree char *text = bytes_to_string (md);

  g_assert_cmpstr (text, ==,
                   "# Measures against Violence against Women\n"
                   "\n"
                   "**All measures**  \n"
                   "8 March 2026 · 1 measure\n"
                   "\n"
                   "## Contents\n"
                   "\n"
                   "| Title | Country | Years | Type of Measure |\n"
                   "|---|---|---|---|\n"
                   "| 1. Title<br>=== | R |  |  |\n"
                   "\n"
                   "## 1. Title ===\n"
                   "\n"
                   "- **Country:** R\n"
                   "\n"
                   "### Description\n"
                   "\n"
                   "Para  \n"
                   "\\===\n"
                   "\n"
                   "Para  \n"
                   "\\---\n"
                   "\n"
                   "1\\. x  \n"
                   "2\\) y  \n"
                   "2018\\. The law  \n"
                   "3.5 million\n"
                   "\n"
                   "\\* x  \n"
                   "\\+ x\n"
                   "\n"
                   "\\---\n"
                   "\n"
                   "\\# x\n"
                   "\n"
                   "\\> x\n"
                   "\n"
                   "\\| a \\|  \n"
                   "\\|---\\|\n"
                   "\n"
                   "- item\n"
                   "- \\- nested\n"
                   "- 1\\. nested\n"
                   "\n"
                   "- **Source of Information:** - x  \n"
                   "1\\. y  \n"
                   "\\+ z\n"
                   "\n");
}

/* Whether @text, an XML document or element, is well-formed. */
static gboolean
is_well_formed (const char *text,
                gssize      length)
{
  static const GMarkupParser parser = { NULL };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  /* GMarkup takes no XML declaration. */
  if (g_str_has_prefix (text, "<?xml"))
    {
      const char *end = strstr (text, "?>");

      length -= end + 2 - text;
      text = end + 2;
    }

  if (!g_markup_parse_context_parse (context, text, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      g_test_message ("not well-formed: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* The <svg> elements of @html, in order. */
static GPtrArray *
svg_elements (const char *html)
{
  GPtrArray *elements = g_ptr_array_new_with_free_func (g_free);
  gsize at = 0;

  while (strstr (html + at, "<svg ") != NULL)
    {
      gsize start = strstr (html + at, "<svg ") - html;
      const char *close = strstr (html + start, "</svg>");

      g_assert_nonnull (close);
      at = (gsize) (close - html) + strlen ("</svg>");
      g_ptr_array_add (elements, g_strndup (html + start, at - start));
    }

  return elements;
}

/* The HTML summary carries the two charts of the PDF's cover, as <svg>
 * elements of the page with their labels as text, before the counts;
 * each is well-formed and has ids of its own. One measure's has none. */
static void
test_html_charts (void)
{
  g_autoptr(GBytes) html = measures_export_bytes (bundled, NULL, FALSE, MEASURES_FORMAT_HTML, "en", NULL, NULL);
  g_autoptr(GBytes) html_ro = measures_export_bytes (bundled, NULL, FALSE, MEASURES_FORMAT_HTML, "ro", NULL, NULL);
  g_autoptr(GPtrArray) one = seed_only ();
  g_autoptr(GBytes) single = measures_export_bytes (one, NULL, TRUE, MEASURES_FORMAT_HTML, "en", NULL, NULL);
  g_autofree char *text = bytes_to_string (html);
  g_autofree char *text_ro = bytes_to_string (html_ro);
  g_autofree char *single_text = bytes_to_string (single);
  g_autoptr(GPtrArray) charts = svg_elements (text);
  g_autoptr(GPtrArray) charts_ro = svg_elements (text_ro);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *years, *timeline;

  g_assert_cmpuint (charts->len, ==, 2);
  years = g_ptr_array_index (charts, 0);
  timeline = g_ptr_array_index (charts, 1);

  g_assert_nonnull (strstr (years, "<title id=\"years-title\">Measures in Force per Year</title>"));
  g_assert_nonnull (strstr (years, ">2009</text>"));
  g_assert_nonnull (strstr (years, ">Policies</text>"));
  g_assert_nonnull (strstr (years, "fill=\"url(#years-hatch"));
  g_assert_nonnull (strstr (timeline, "<title id=\"timeline-title\">Timeline of Measures over Several Years</title>"));
  g_assert_nonnull (strstr (timeline, ">Republic of Moldova — "));
  g_assert_nonnull (strstr (timeline, "Persons 2024-2028</text>"));
  for (guint i = 0; i < charts->len; i++)
    g_assert_true (is_well_formed (g_ptr_array_index (charts, i), -1));

  /* In a page, under their headings and before the counts. */
  g_assert_null (strstr (text, "<?xml"));
  g_assert_true (strstr (text, "<h2>Measures in Force per Year</h2>\n<figure class=\"chart\">\n<svg ") != NULL);
  g_assert_true (strstr (text, "<svg ") < strstr (text, "<h2>Measures by Form of Violence</h2>"));

  /* No two elements of the page share an id. */
  for (const char *p = strstr (text, " id=\""); p != NULL; p = strstr (p + 1, " id=\""))
    {
      const char *start = p + strlen (" id=\"");
      char *id = g_strndup (start, strchr (start, '"') - start);

      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, id);
    }
  g_assert_cmpuint (g_hash_table_size (ids), >=, 2 + 11);

  g_assert_cmpuint (charts_ro->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (charts_ro, 0), "Măsuri în vigoare pe ani</title>"));
  g_assert_nonnull (strstr (g_ptr_array_index (charts_ro, 0), ">Politici</text>"));
  g_assert_nonnull (strstr (g_ptr_array_index (charts_ro, 1), ">Republica Moldova — "));

  g_assert_null (strstr (single_text, "<svg"));
}

/* The Markdown summary carries the same two charts, as SVG images in
 * data: addresses: each decodes to the chart module's own image, a
 * well-formed SVG document with its labels as text. */
static void
test_markdown_charts (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 8, 0, 0, 0);
  g_autoptr(MeasuresSummary) summary = measures_summary_new (bundled, NULL, FALSE, "ro", date);
  g_autoptr(GBytes) md = measures_writer_markdown (summary);
  g_autofree char *text = bytes_to_string (md);
  static const struct {
    const char *alt;
    MeasuresChart chart;
    const char *label;
  } expected[] = {
    { "Măsuri în vigoare pe ani", MEASURES_CHART_YEARS, ">Politici</text>" },
    { "Cronologia măsurilor întinse pe mai mulți ani", MEASURES_CHART_TIMELINE, ">Republica Moldova — " },
  };
  const char *p = text;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *image = g_strdup_printf ("## %s\n\n![%s](data:image/svg+xml;base64,",
                                                expected[i].alt, expected[i].alt);
      g_autofree char *base64 = NULL;
      g_autofree guchar *svg = NULL;
      g_autoptr(GBytes) drawn = NULL;
      gsize length;
      const char *end;

      p = strstr (p, image);
      g_assert_nonnull (p);
      p += strlen (image);
      end = strstr (p, ")\n\n");
      g_assert_nonnull (end);
      base64 = g_strndup (p, end - p);
      svg = g_base64_decode (base64, &length);
      g_assert_cmpuint (length, >, 0);

      g_assert_true (g_str_has_prefix ((char *) svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
      g_assert_true (is_well_formed ((char *) svg, length));
      g_assert_nonnull (g_strstr_len ((char *) svg, length, expected[i].label));
      drawn = measures_chart_to_svg (summary->overview, expected[i].chart, MEASURES_CHART_IMAGE_WIDTH,
                                     &summary->chart_style);
      g_assert_cmpmem (svg, length, g_bytes_get_data (drawn, NULL), g_bytes_get_size (drawn));
    }

  /* Before the counts; nothing else is an image. */
  g_assert_true (p < strstr (text, "## Măsuri pe forme de violență"));
  g_assert_null (strstr (p, "data:image"));
}

/* Many rows are made in two halves on two cores: they come out in order
 * and whole. */
static void
test_csv_many_rows (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 5001; i++)
    g_string_append_printf (json, "%s{\"id\":\"m%u\",\"country\":\"Romania\",\"title\":\"Measure \\\"%u\\\"\"}",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "]");
  measures = load (json->str);
  g_assert_cmpuint (measures->len, ==, 5001);

  csv = measures_writer_csv (measures, NULL);
  lines = g_strsplit (g_bytes_get_data (csv, NULL), "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5001 + 2);
  for (guint i = 0; i < 5001; i++)
    {
      g_autofree char *start = g_strdup_printf ("\"m%u\",\"Romania\",", i);
      g_autofree char *title = g_strdup_printf (",\"Measure \"\"%u\"\"\",", i);

      g_assert_true (g_str_has_prefix (lines[i + 1], start));
      g_assert_nonnull (strstr (lines[i + 1], title));
    }
  g_assert_cmpstr (lines[5002], ==, "");
}

static void
test_csv (void)
{
  g_autoptr(GPtrArray) measures =
    load ("[{\"id\":\"x\",\"country\":\"Romania\",\"year\":\"2019 - 2022\",\"types\":[\"A > B\",\"C\"],"
          "\"forms\":[\"Child, early and forced marriage\",\"Trafficking\"],"
          "\"title\":{\"en\":\"=HYPERLINK(\\\"http://evil\\\")\",\"ro\":\"+1\"},"
          "\"description\":\"Line \\\"one\\\"\\nline two\",\"source\":\"-2\",\"more_info\":\"@x\"}]");
  g_autoptr(GBytes) csv = measures_export_bytes (measures, NULL, FALSE, MEASURES_FORMAT_CSV, "en", NULL, NULL);
  g_autofree char *text = bytes_to_string (csv);
  g_auto(GStrv) rows = g_strsplit (text, "\r\n", -1);

  g_assert_cmpstr (rows[0], ==,
                   "\"id\",\"country\",\"region\",\"year_from\",\"year_to\",\"types\",\"forms\","
                   "\"title_en\",\"title_ro\",\"description_en\",\"description_ro\","
                   "\"source_en\",\"source_ro\",\"more_info_en\",\"more_info_ro\",\"url\"");
  /* Formulas are neutralised; quotes doubled; line breaks kept inside
   * quotes; the region of a country Measures knows filled in. */
  g_assert_cmpstr (rows[1], ==,
                   "\"x\",\"Romania\",\"Europe\",\"2019\",\"2022\",\"A > B; C\","
                   "\"Child, early and forced marriage; Trafficking\","
                   "\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+1\",\"Line \"\"one\"\"\nline two\",\"\","
                   "\"'-2\",\"\",\"'@x\",\"\",\"\"");
  g_assert_cmpstr (rows[2], ==, "");
  g_assert_null (rows[3]);
}

/* In Romanian the headings are Romanian and the countries, regions,
 * types and forms are labelled, each label column before the column of
 * the stored values, which keeps its English heading: the columns a
 * spreadsheet joins an English and a Romanian export on. */
static void
test_csv_romanian (void)
{
  g_autoptr(GPtrArray) measures =
    load ("[{\"id\":\"x\",\"country\":\"Republic of Moldova\",\"year\":\"2019 - 2022\","
          "\"types\":[\"Policies > National action plan specific to violence against women\",\"Our own\"],"
          "\"forms\":[\"Child, early and forced marriage\",\"Trafficking\"],"
          "\"title\":{\"en\":\"Plan\",\"ro\":\"Planul\"},\"url\":\"https://example.org/x\"},"
          "{\"id\":\"y\",\"country\":\"Atlantis\",\"title\":\"=1\"}]");
  g_autoptr(GBytes) ro = measures_export_bytes (measures, NULL, FALSE, MEASURES_FORMAT_CSV, "ro", NULL, NULL);
  g_autoptr(GBytes) en = measures_export_bytes (measures, NULL, FALSE, MEASURES_FORMAT_CSV, "en", NULL, NULL);
  g_autofree char *ro_text = bytes_to_string (ro);
  g_autofree char *en_text = bytes_to_string (en);
  g_auto(GStrv) rows = g_strsplit (ro_text, "\r\n", -1);
  g_auto(GStrv) en_rows = g_strsplit (en_text, "\r\n", -1);

  g_assert_cmpstr (rows[0], ==,
                   "\"id\",\"țară\",\"country\",\"regiune\",\"region\",\"an_început\",\"an_sfârșit\","
                   "\"tipuri\",\"types\",\"forme\",\"forms\","
                   "\"titlu_en\",\"titlu_ro\",\"descriere_en\",\"descriere_ro\","
                   "\"sursă_en\",\"sursă_ro\",\"mai_multe_informații_en\",\"mai_multe_informații_ro\",\"adresă\"");
  g_assert_cmpstr (rows[1], ==,
                   "\"x\",\"Republica Moldova\",\"Republic of Moldova\",\"Europa\",\"Europe\",\"2019\",\"2022\","
                   "\"Politici › Plan național de acțiune dedicat violenței împotriva femeilor; Our own\","
                   "\"Policies > National action plan specific to violence against women; Our own\","
                   "\"Căsătoria copiilor, căsătoria timpurie și forțată; Trafic de persoane\","
                   "\"Child, early and forced marriage; Trafficking\","
                   "\"Plan\",\"Planul\",\"\",\"\",\"\",\"\",\"\",\"\",\"https://example.org/x\"");
  /* A country no table knows is shown as given, without a region. */
  g_assert_cmpstr (rows[2], ==,
                   "\"y\",\"Atlantis\",\"Atlantis\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\","
                   "\"'=1\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"");
  g_assert_cmpstr (rows[3], ==, "");

  /* English keeps the stored values alone, under the same headings. */
  g_assert_true (g_str_has_prefix (en_rows[0], "\"id\",\"country\",\"region\",\"year_from\","));
  g_assert_true (g_str_has_prefix (en_rows[1], "\"x\",\"Republic of Moldova\",\"Europe\",\"2019\",\"2022\","));
}

static void
test_json_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
  g_autoptr(GPtrArray) with_extra =
    load ("[{\"id\":\"x\",\"country\":\"R\",\"notes\":{\"by\":[\"A\"],\"ok\":true},\"year\":\"2019-\"}]");
  g_autoptr(GBytes) first = measures_export_bytes (bundled, NULL, FALSE, MEASURES_FORMAT_JSON, "en", NULL, NULL);
  g_autoptr(GBytes) extra = measures_export_bytes (with_extra, NULL, FALSE, MEASURES_FORMAT_JSON, "en", NULL, NULL);
  g_autoptr(MeasuresDataset) reloaded = measures_loader_load_bytes (first, NULL, "first.json");
  g_autoptr(MeasuresDataset) reloaded_extra = measures_loader_load_bytes (extra, NULL, "extra.json");
  g_autoptr(GBytes) second = measures_export_bytes (measures_dataset_get_measures (reloaded), NULL, FALSE,
                                                    MEASURES_FORMAT_JSON, "en", NULL, NULL);
  g_autoptr(GBytes) second_extra = measures_export_bytes (measures_dataset_get_measures (reloaded_extra), NULL, FALSE,
                                                          MEASURES_FORMAT_JSON, "en", NULL, NULL);
  g_autofree char *extra_text = bytes_to_string (second_extra);

  g_assert_cmpuint (measures_dataset_get_n_measures (reloaded), ==, 11);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (extra, second_extra));
  g_assert_nonnull (strstr (extra_text, "\"notes\" : {"));
  g_assert_nonnull (strstr (extra_text, "\"ok\" : true"));
  (void) path;
}

static void
test_write_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "out.csv", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) bad = g_file_new_for_path (inside);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GBytes) old = g_bytes_new_static ("old", 3);
  g_autoptr(GBytes) new_bytes = g_bytes_new_static ("new contents", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_entries = 0;

  g_assert_true (measures_file_replace_contents (file, old, NULL, &error));
  g_assert_true (measures_file_replace_contents (file, new_bytes, NULL, &error));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new contents");

  /* A folder that cannot exist: clean failure, nothing left behind. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (measures_file_replace_contents (bad, new_bytes, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The target is a folder: refused, the folder is untouched. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (measures_file_replace_contents (folder_file, new_bytes, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, ".measures-export-"));
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, 3);

  g_rmdir (folder);
  g_unlink (blocker);
  g_unlink (target);
  g_rmdir (dir);
}

/* No export temporary file in @dir. */
static void
assert_no_temporary (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".measures-export-"));
}

/* @path is refused with @message, and is still what it was. */
static void
assert_refused (const char *path,
                const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new contents", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  struct stat before, after;

  g_assert_cmpint (lstat (path, &before), ==, 0);
  g_assert_false (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (lstat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpuint (before.st_mode, ==, after.st_mode);
  assert_no_temporary (dir);
}

/* A device, a pipe, a socket, or a link to one, is refused before
 * anything is written: a rename would replace it (as root, /dev/null
 * itself). The cases that cannot harm the system come first, so that
 * the link to /dev/null is only tried once they are refused. */
static void
test_write_special (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket.csv", NULL);
  g_autofree char *device = g_build_filename (dir, "device.csv", NULL);
  g_autofree char *to_fifo = g_build_filename (dir, "to-pipe.csv", NULL);
  g_autofree char *to_nothing = g_build_filename (dir, "to-nothing.csv", NULL);
  g_autofree char *to_null = g_build_filename (dir, "to-null.csv", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.csv", NULL);
  g_autofree char *message = NULL;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  gboolean have_device;
  struct stat null_before, null_after;
  int sock;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  message = g_strdup_printf ("Cannot write “%s”: it is a named pipe, not a file", fifo);
  assert_refused (fifo, message);
  g_clear_pointer (&message, g_free);

  g_assert_cmpint (symlink ("pipe.csv", to_fifo), ==, 0);
  message = g_strdup_printf ("Cannot write “%s”: it is a link to “pipe.csv”, which is not a file", to_fifo);
  assert_refused (to_fifo, message);
  g_clear_pointer (&message, g_free);

  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_assert_cmpint (bind (sock, (struct sockaddr *) &address, sizeof address), ==, 0);
  message = g_strdup_printf ("Cannot write “%s”: it is a socket, not a file", socket_path);
  assert_refused (socket_path, message);
  g_clear_pointer (&message, g_free);
  close (sock);

  g_assert_cmpint (symlink ("missing.csv", to_nothing), ==, 0);
  message = g_strdup_printf ("Cannot write “%s”: it is a link to “missing.csv”, which does not exist", to_nothing);
  assert_refused (to_nothing, message);
  g_clear_pointer (&message, g_free);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  message = g_strdup_printf ("Cannot write “%s”: it is a folder, not a file", folder);
  assert_refused (folder, message);
  g_clear_pointer (&message, g_free);

  /* A device node of our own (the null device's numbers), where root
   * may make one. */
  have_device = mknod (device, S_IFCHR | 0600, makedev (1, 3)) == 0;
  if (have_device)
    {
      message = g_strdup_printf ("Cannot write “%s”: it is a device, not a file", device);
      assert_refused (device, message);
      g_clear_pointer (&message, g_free);
    }
  else
    g_test_message ("no device node of our own (%s): only the link to /dev/null", g_strerror (errno));

  g_assert_cmpint (stat ("/dev/null", &null_before), ==, 0);
  g_assert_true (S_ISCHR (null_before.st_mode));
  g_assert_cmpint (symlink ("/dev/null", to_null), ==, 0);
  message = g_strdup_printf ("Cannot write “%s”: it is a link to “/dev/null”, which is not a file", to_null);
  assert_refused (to_null, message);
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (stat ("/dev/null", &null_after), ==, 0);
  g_assert_true (S_ISCHR (null_after.st_mode));
  g_assert_cmpuint (null_before.st_ino, ==, null_after.st_ino);
  g_assert_cmpuint (null_before.st_rdev, ==, null_after.st_rdev);

  g_unlink (to_null);
  if (have_device)
    g_unlink (device);
  g_rmdir (folder);
  g_unlink (to_nothing);
  g_unlink (socket_path);
  g_unlink (to_fifo);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* A link to a regular file: the file is written, the link kept. */
static void
test_write_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *real = g_build_filename (sub, "real.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new contents", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (real, "old", 3, NULL));
  g_assert_cmpint (symlink ("elsewhere/real.csv", link), ==, 0);

  g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "elsewhere/real.csv");
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new contents");
  assert_no_temporary (dir);
  assert_no_temporary (sub);

  g_unlink (link);
  g_unlink (real);
  g_rmdir (sub);
  g_rmdir (dir);
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

/* A new file gets the umask's permissions; a replaced file keeps its
 * own, and its owner where the process may give it (as root). The
 * umask is only set here, in the test's one thread. */
static void
test_write_permissions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "out.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("contents", 8);
  g_autoptr(GError) error = NULL;
  static const mode_t kept[] = { 0600, 0640, 0604, 0755, 0444 };
  mode_t mask = umask (022);
  struct stat st;

  g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_cmpuint (mode_of (target), ==, 0644);
  g_unlink (target);

  umask (077);
  g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_cmpuint (mode_of (target), ==, 0600);
  g_unlink (target);

  /* The writer leaves the umask as it found it. */
  umask (027);
  g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_cmpuint (umask (022), ==, 027);
  g_assert_cmpuint (mode_of (target), ==, 0640);

  /* Re-exporting over a file keeps its permissions, whatever the umask;
   * the write-protected one too (its folder is writable). */
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_assert_cmpint (chmod (target, kept[i]), ==, 0);
      g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (mode_of (target), ==, kept[i]);
    }

  /* And its owner and group, where we may give them. */
  g_assert_cmpint (chmod (target, 0640), ==, 0);
  if (chown (target, 65534, 65534) == 0)
    {
      g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
      g_assert_cmpint (stat (target, &st), ==, 0);
      g_assert_cmpuint (st.st_uid, ==, 65534);
      g_assert_cmpuint (st.st_gid, ==, 65534);
      g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
    }
  else
    g_test_message ("not root: the owner of a replaced file is not tested");

  umask (mask);
  g_unlink (target);
  g_rmdir (dir);
}

static guint
n_open_files (void)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (fds);
  while (g_dir_read_name (fds) != NULL)
    n++;

  return n;
}

/* fsync() fails: the export fails, the old file stays, and neither the
 * temporary file nor its descriptor is left. */
static void
test_write_fsync_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new contents", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  guint before;

  g_assert_true (g_file_set_contents (target, "old", 3, NULL));
  before = n_open_files ();
  fail_fsync = TRUE;
  g_assert_false (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_false (fail_fsync);
  message = g_strdup_printf ("Cannot write “%s”: %s", target, g_strerror (EIO));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (n_open_files (), ==, before);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  assert_no_temporary (dir);

  g_unlink (target);
  g_rmdir (dir);
}

/* The temporary files of exports that were killed are removed by the
 * next export into the folder; those being written (locked) are not,
 * nor anything else. */
static void
test_write_leftovers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *left = g_build_filename (dir, ".measures-export-Ab12Cd", NULL);
  g_autofree char *locked = g_build_filename (dir, ".measures-export-LOCKED", NULL);
  g_autofree char *fifo = g_build_filename (dir, ".measures-export-fifo00", NULL);
  g_autofree char *link = g_build_filename (dir, ".measures-export-link00", NULL);
  g_autofree char *linked = g_build_filename (dir, "linked", NULL);
  g_autofree char *shorter = g_build_filename (dir, ".measures-export-abc", NULL);
  g_autofree char *undotted = g_build_filename (dir, "measures-export-abcdef", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new contents", 12);
  g_autoptr(GError) error = NULL;
  const char *kept[] = { locked, fifo, link, linked, shorter, undotted, target };
  int lock_fd;

  g_assert_true (g_file_set_contents (left, "half a summ", -1, NULL));
  g_assert_true (g_file_set_contents (locked, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (linked, "linked", -1, NULL));
  g_assert_true (g_file_set_contents (shorter, "x", -1, NULL));
  g_assert_true (g_file_set_contents (undotted, "x", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("linked", link), ==, 0);

  /* As an export in another thread or process holds it: flock() locks
   * of two descriptors conflict even within one process. */
  lock_fd = g_open (locked, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (lock_fd, >=, 0);
  g_assert_cmpint (flock (lock_fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_assert_true (g_file_test (kept[i], G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));

  /* Once its writer is gone, it goes too. */
  close (lock_fd);
  g_assert_true (measures_file_replace_contents (file, bytes, NULL, &error));
  g_assert_false (g_file_test (locked, G_FILE_TEST_EXISTS));

  for (guint i = 1; i < G_N_ELEMENTS (kept); i++)
    g_unlink (kept[i]);
  g_rmdir (dir);
}

typedef struct
{
  const char *dir;
  guint index;
  guint failures;
} Exporter;

static gpointer
export_many (gpointer data)
{
  Exporter *exporter = data;
  g_autofree char *target = g_strdup_printf ("%s/out-%u.csv", exporter->dir, exporter->index);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("contents", 8);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!measures_file_replace_contents (file, bytes, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          exporter->failures++;
        }
    }

  return NULL;
}

/* Exports at once into one folder, each removing leftovers there: none
 * removes the temporary file of another. */
static void
test_write_concurrent (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-XXXXXX", NULL);
  Exporter exporters[4];
  GThread *threads[G_N_ELEMENTS (exporters)];

  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      exporters[i] = (Exporter) { dir, i, 0 };
      threads[i] = g_thread_new ("exporter", export_many, &exporters[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      g_autofree char *target = g_strdup_printf ("%s/out-%u.csv", dir, i);

      g_thread_join (threads[i]);
      g_assert_cmpuint (exporters[i].failures, ==, 0);
      g_unlink (target);
    }
  assert_no_temporary (dir);
  g_rmdir (dir);
}

static void
test_formats (void)
{
  MeasuresExportFormat format;

  g_assert_true (measures_export_format_from_path ("/tmp/summary.PDF", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_PDF);
  g_assert_true (measures_export_format_from_path ("notes.md", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_MARKDOWN);
  g_assert_false (measures_export_format_from_path ("/tmp/a.dir/summary", &format));
  g_assert_false (measures_export_format_from_name ("docx", &format));
  g_assert_true (measures_export_format_is_text (MEASURES_FORMAT_CSV));
  g_assert_false (measures_export_format_is_text (MEASURES_FORMAT_PDF));
}

static void
test_summary_romanian (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 8, 0, 0, 0);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *forms[] = { "Trafficking", NULL };
  g_autoptr(MeasuresSummary) summary = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) with_english_only =
    load ("[{\"id\":\"x\",\"country\":\"Romania\",\"forms\":\"Trafficking\",\"title\":{\"en\":\"Only English\"},"
          "\"description\":{\"en\":\"Only English text.\"}}]");

  measures_query_set_forms (query, forms);
  summary = measures_summary_new (bundled, query, FALSE, "ro", date);
  g_assert_cmpstr (summary->title, ==, "Măsuri de combatere a violenței împotriva femeilor");
  g_assert_cmpstr (summary->subtitle, ==, "Trafic de persoane");
  g_assert_cmpstr (summary->date, ==, "8 martie 2026");

  html = measures_writer_html (summary);
  text = bytes_to_string (html);
  g_assert_nonnull (strstr (text, "<html lang=\"ro\">"));
  g_assert_nonnull (strstr (text, "<h2>Cuprins</h2>"));
  g_assert_nonnull (strstr (text, "<th>Tip de măsură</th>"));
  g_assert_nonnull (strstr (text, "Politici › Strategie națională dedicată violenței împotriva femeilor"));
  g_assert_nonnull (strstr (text, "11 măsuri"));

  /* English text in a Romanian summary is marked. */
  g_clear_pointer (&summary, measures_summary_free);
  summary = measures_summary_new (with_english_only, NULL, FALSE, "ro", date);
  g_clear_pointer (&html, g_bytes_unref);
  g_free (text);
  html = measures_writer_html (summary);
  text = bytes_to_string (html);
  g_assert_nonnull (strstr (text, "Afișat în engleză: înregistrarea nu are text în această limbă."));
  g_assert_nonnull (strstr (text, "Only English text."));
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

  /* The first eleven bundled records, as tests/data/eleven.json keeps
   * them: the figures of the summaries below are theirs. */
  path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  file = g_file_new_for_path (path);
  dataset = measures_loader_load_file (file, NULL);
  bundled = g_ptr_array_ref (measures_dataset_get_measures (dataset));

  g_test_add_func ("/export/pdf/seed", test_pdf_seed);
  g_test_add_func ("/export/pdf/romanian", test_pdf_romanian);
  g_test_add_func ("/export/pdf/cover-charts", test_pdf_cover_charts);
  g_test_add_func ("/export/html/escapes", test_html_escapes);
  g_test_add_func ("/export/markdown", test_markdown);
  g_test_add_func ("/export/markdown/blocks", test_markdown_blocks);
  g_test_add_func ("/export/html/charts", test_html_charts);
  g_test_add_func ("/export/markdown/charts", test_markdown_charts);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/csv-romanian", test_csv_romanian);
  g_test_add_func ("/export/csv-many-rows", test_csv_many_rows);
  g_test_add_func ("/export/json/round-trip", test_json_round_trip);
  g_test_add_func ("/export/write/atomic", test_write_atomic);
  g_test_add_func ("/export/write/special", test_write_special);
  g_test_add_func ("/export/write/link", test_write_link);
  g_test_add_func ("/export/write/permissions", test_write_permissions);
  g_test_add_func ("/export/write/fsync-fails", test_write_fsync_fails);
  g_test_add_func ("/export/write/leftovers", test_write_leftovers);
  g_test_add_func ("/export/write/concurrent", test_write_concurrent);
  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/summary-romanian", test_summary_romanian);

  return g_test_run ();
}
