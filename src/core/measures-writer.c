/* measures-writer.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-chart.h"
#include "measures-coverage-chart.h"
#include "measures-languages.h"
#include "measures-localized.h"
#include "measures-map.h"
#include "measures-text.h"
#include "measures-translations.h"
#include "measures-vocabulary.h"
#include "measures-writer.h"

/* The summary as text, HTML and Markdown, each a walk over its blocks
 * (the measures themselves as CSV and JSON are
 * measures-writer-records.c's). The PDF is measures-pages.c's; which
 * writer a format has is measures-export.c's table. Both walks carry
 * the charts the PDF's cover carries, as SVG with its labels as text: in
 * HTML an <svg> element of the page, in Markdown an image in a data:
 * address; the world map too, when the summary has it. The coverage
 * matrix is a table in both, shaded in HTML as the matrix's image is.
 *
 * Each walk writes to a stream as it goes, a megabyte or so at a time,
 * taking one measure's blocks at a time, so that what it holds does not
 * grow with the measures. */

/* Text is handed to the stream once there is this much of it. */
#define FLUSH_SIZE (1024 * 1024)

/* Writes @text to @out and empties it, once it holds @at_least bytes. */
static gboolean
flush_text (GString        *text,
            GOutputStream  *out,
            gsize           at_least,
            GCancellable   *cancellable,
            GError        **error)
{
  if (text->len < at_least || text->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (text, 0);

  return TRUE;
}

/* What a writer to a stream made in memory. */
static GBytes *
to_bytes (GOutputStream *memory)
{
  g_output_stream_close (memory, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Every block of @summary, part after part, to @func; each measure's
 * blocks are made for the walk and freed after it, and @out is given
 * what @func made after each block. */
typedef void (*BlockFunc) (gpointer                    walk,
                           const MeasuresSummaryBlock *block);

static gboolean
walk_summary (MeasuresSummary  *summary,
              BlockFunc         func,
              gpointer          walk,
              GString          *text,
              GOutputStream    *out,
              GCancellable     *cancellable,
              GError          **error)
{
  guint n_parts = measures_summary_get_n_parts (summary);

  for (guint p = 0; p < n_parts; p++)
    {
      g_autoptr(GPtrArray) blocks = measures_summary_dup_part (summary, p);

      for (guint i = 0; i < blocks->len; i++)
        func (walk, g_ptr_array_index (blocks, i));
      if (!flush_text (text, out, FLUSH_SIZE, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

/* HTML */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
append_html_text (GString    *out,
                  const char *text)
{
  /* Line breaks inside a paragraph are kept. */
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>");
      append_escaped (out, lines[i]);
    }
}

static const char *html_style =
  "body{font-family:Cantarell,'Noto Sans','DejaVu Sans',sans-serif;max-width:48em;margin:2em auto;"
  "padding:0 1em;line-height:1.5;color:#1e1e1e;background:#fff}"
  "h1{font-size:1.9em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}"
  "h3{margin-top:2em}.subtitle{font-size:1.2em;color:#555;margin-top:0}.date{color:#555}"
  "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{text-align:left;vertical-align:top;"
  "padding:.3em .6em;border-bottom:1px solid #ddd}th{font-weight:600}table.fields th{width:12em;color:#555}"
  ".note{font-size:.9em;color:#666;font-style:italic}td.count{text-align:right;width:5em}"
  "a{color:#1a5fb4}.measure{break-inside:auto}h3{break-after:avoid}"
  ".chart{margin:1em 0}.chart svg{display:block;max-width:100%;height:auto}"
  "table.matrix{font-size:.85em;width:auto}table.matrix th,table.matrix td{padding:.15em .4em}"
  "table.matrix th[scope=row]{font-weight:normal}table.matrix th.turned{writing-mode:vertical-rl;"
  "transform:rotate(180deg);vertical-align:bottom;text-align:left;font-weight:normal;padding:.4em .2em;white-space:nowrap}"
  "table.matrix td.cell{text-align:center;min-width:1.6em;border:1px solid #fff}"
  "table.matrix td.none{background:repeating-linear-gradient(45deg,#fff 0 4px,#e6e6e6 4px 5px);color:#5c5c5c}"
  ".matrix-scroll{overflow-x:auto}"
  "@media print{body{margin:0;max-width:none}a{color:inherit}h2,h3{break-after:avoid}"
  ".measure{break-before:page}.chart{break-inside:avoid}}";

/* What a walk over the blocks has open. */
typedef struct
{
  MeasuresSummary *summary;
  GString *out;
  gboolean header;        /* the title's <header> */
  gboolean section;       /* a measure's <section> */
  gboolean fields;        /* a table of fields, of group @fields_group */
  guint fields_group;
  gboolean list;          /* a <ul>, of group @list_group */
  guint list_group;
} HtmlWalk;

/* Closes what @block does not go on with; %NULL closes everything. */
static void
html_close (HtmlWalk                   *walk,
            const MeasuresSummaryBlock *block)
{
  MeasuresSummaryKind kind = block != NULL ? block->kind : MEASURES_SUMMARY_PAGE_BREAK;

  if (walk->list && (kind != MEASURES_SUMMARY_LIST_ITEM || block->group != walk->list_group))
    {
      g_string_append (walk->out, "</ul>\n");
      walk->list = FALSE;
    }
  if (walk->fields && (kind != MEASURES_SUMMARY_FIELD || block->group != walk->fields_group))
    {
      g_string_append (walk->out, "</table>\n");
      walk->fields = FALSE;
    }
  if (walk->header && (kind != MEASURES_SUMMARY_PARAGRAPH || block->style == MEASURES_PARAGRAPH_BODY ||
                       block->style == MEASURES_PARAGRAPH_NOTE))
    {
      g_string_append (walk->out, "</header>\n");
      walk->header = FALSE;
    }
  if (walk->section && kind == MEASURES_SUMMARY_PAGE_BREAK)
    {
      g_string_append (walk->out, "</section>\n");
      walk->section = FALSE;
    }
}

static void
html_table (HtmlWalk                   *walk,
            const MeasuresSummaryBlock *block)
{
  GString *out = walk->out;

  g_string_append (out, "<table>\n");
  if (block->header != NULL)
    {
      g_string_append (out, "<tr>");
      for (guint i = 0; block->header[i] != NULL; i++)
        {
          g_string_append (out, "<th>");
          append_escaped (out, block->header[i]);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr>\n");
    }
  for (guint r = 0; r < block->rows->len; r++)
    {
      char **row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<tr>");
      for (guint i = 0; row[i] != NULL; i++)
        {
          gboolean count = block->counts && row[i + 1] == NULL;

          g_string_append (out, count ? "<td class=\"count\">" : "<td>");
          if (block->links && i == 0)
            g_string_append_printf (out, "<a href=\"#m%u\">", r + 1);
          append_escaped (out, row[i]);
          if (block->links && i == 0)
            g_string_append (out, "</a>");
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table>\n");
}

static void
html_field (HtmlWalk                   *walk,
            const MeasuresSummaryBlock *block)
{
  GString *out = walk->out;
  g_autofree char *value = measures_summary_block_dup_value (block, "; ");

  if (!walk->fields)
    {
      g_string_append (out, "<table class=\"fields\">\n");
      walk->fields = TRUE;
      walk->fields_group = block->group;
    }
  if (*value == '\0')
    return;

  g_string_append (out, "<tr><th>");
  append_escaped (out, block->label);
  g_string_append (out, "</th><td>");
  if (block->link != NULL)
    {
      g_string_append (out, "<a href=\"");
      append_escaped (out, value);
      g_string_append (out, "\">");
    }
  append_escaped (out, value);
  if (block->link != NULL)
    g_string_append (out, "</a>");
  g_string_append (out, "</td></tr>\n");
}

/* The chart as an <svg> element of the page, its text as text. */
static void
html_chart (HtmlWalk                   *walk,
            const MeasuresSummaryBlock *block)
{
  MeasuresSummary *summary = walk->summary;
  g_autofree char *prefix = g_strdup_printf ("%s-", measures_chart_get_name (block->chart));
  g_autoptr(GBytes) svg = measures_chart_to_svg_element (summary->overview, block->chart,
                                                         MEASURES_CHART_IMAGE_WIDTH, &summary->chart_style,
                                                         prefix);
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);

  g_string_append (walk->out, "<figure class=\"chart\">\n");
  g_string_append_len (walk->out, data, length);
  g_string_append (walk->out, "</figure>\n");
}

static void
append_hex (GString             *out,
            const MeasuresColor *color)
{
  g_string_append_printf (out, "#%02x%02x%02x", (guint) (color->red * 255 + 0.5), (guint) (color->green * 255 + 0.5),
                          (guint) (color->blue * 255 + 0.5));
}

/* The matrix as a table, each count on its shade as the matrix's image
 * has it, "none" hatched; the country heads its row. */
static void
html_matrix (HtmlWalk                   *walk,
             const MeasuresSummaryBlock *block)
{
  MeasuresSummary *summary = walk->summary;
  MeasuresCoverage *coverage = summary->coverage;
  GString *out = walk->out;
  guint n_columns = coverage->columns->len;

  g_string_append (out, "<div class=\"matrix-scroll\">\n<table class=\"matrix\">\n<tr>");
  for (guint i = 0; block->header[i] != NULL; i++)
    {
      /* The columns of counts are narrow: their names read upwards. */
      g_string_append (out, i >= 2 ? "<th scope=\"col\" class=\"turned\">" : "<th scope=\"col\">");
      append_escaped (out, block->header[i]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>\n");

  for (guint r = 0; r < block->rows->len; r++)
    {
      char **row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<tr><th scope=\"row\">");
      append_escaped (out, row[0]);
      g_string_append (out, "</th><td>");
      append_escaped (out, row[1]);
      g_string_append (out, "</td>");
      for (guint c = 0; c < n_columns && row[2 + c] != NULL; c++)
        {
          const MeasuresCoverageRow *figures = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
          MeasuresFill fill;
          MeasuresColor ink;

          if (figures->possible[c] == 0)
            g_string_append (out, "<td class=\"cell none\">");
          else
            {
              measures_coverage_chart_get_cell_colors (coverage, r, c, &summary->chart_style, &fill, &ink);
              g_string_append (out, "<td class=\"cell\" style=\"background:");
              append_hex (out, &fill.color);
              g_string_append (out, ";color:");
              append_hex (out, &ink);
              g_string_append (out, "\">");
            }
          append_escaped (out, row[2 + c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "<td class=\"count\">");
      append_escaped (out, row[2 + n_columns]);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</table>\n</div>\n<p class=\"note\">");
  append_escaped (out, block->label);
  g_string_append (out, "</p>\n");
}

/* The map as an <svg> element of the page, its names and counts as text,
 * as wide as the charts. */
static void
html_map (HtmlWalk                   *walk,
          const MeasuresSummaryBlock *block)
{
  MeasuresSummary *summary = walk->summary;
  g_autoptr(GBytes) svg = measures_map_to_svg_element (summary->coverage, summary->zoom, MEASURES_CHART_IMAGE_WIDTH,
                                                       &summary->chart_style, "map-");
  gsize length;
  const char *data = g_bytes_get_data (svg, &length);

  g_string_append (walk->out, "<figure class=\"chart map\">\n");
  g_string_append_len (walk->out, data, length);
  g_string_append (walk->out, "</figure>\n");
}

static void
html_block (HtmlWalk                   *walk,
            const MeasuresSummaryBlock *block)
{
  static const char * const classes[] = {
    [MEASURES_PARAGRAPH_BODY] = NULL,
    [MEASURES_PARAGRAPH_SUBTITLE] = "subtitle",
    [MEASURES_PARAGRAPH_DATE] = "date",
    [MEASURES_PARAGRAPH_NOTE] = "note",
  };
  GString *out = walk->out;

  html_close (walk, block);

  switch (block->kind)
    {
    case MEASURES_SUMMARY_HEADING:
      if (block->level == 1)
        {
          g_string_append (out, "<header>\n");
          walk->header = TRUE;
        }
      g_string_append_printf (out, "<h%u>", block->level);
      append_escaped (out, block->text);
      g_string_append_printf (out, "</h%u>\n", block->level);
      break;

    case MEASURES_SUMMARY_PARAGRAPH:
      if (block->style == MEASURES_PARAGRAPH_BODY)
        {
          g_string_append (out, "<p>");
          append_html_text (out, block->text);
        }
      else
        {
          g_string_append_printf (out, "<p class=\"%s\">", classes[block->style]);
          append_escaped (out, block->text);
        }
      g_string_append (out, "</p>\n");
      break;

    case MEASURES_SUMMARY_LIST_ITEM:
      if (!walk->list)
        {
          g_string_append (out, "<ul>\n");
          walk->list = TRUE;
          walk->list_group = block->group;
        }
      g_string_append (out, "<li>");
      append_html_text (out, block->text);
      g_string_append (out, "</li>\n");
      break;

    case MEASURES_SUMMARY_FIELD:
      html_field (walk, block);
      break;

    case MEASURES_SUMMARY_TABLE:
      html_table (walk, block);
      break;

    case MEASURES_SUMMARY_CHART:
      html_chart (walk, block);
      break;

    case MEASURES_SUMMARY_MATRIX:
      html_matrix (walk, block);
      break;

    case MEASURES_SUMMARY_MAP:
      html_map (walk, block);
      break;

    case MEASURES_SUMMARY_PAGE_BREAK:
      g_string_append_printf (out, "<section class=\"measure\" id=\"m%u\">\n", block->measure);
      walk->section = TRUE;
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
html_block_cb (gpointer                    walk,
               const MeasuresSummaryBlock *block)
{
  html_block (walk, block);
}

/**
 * measures_writer_html_to_stream:
 * @summary: a summary
 * @out: where to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes one self-contained HTML page, with the charts as inline SVG;
 * every piece of record text is escaped.
 *
 * Returns: whether it was all written
 */
gboolean
measures_writer_html_to_stream (MeasuresSummary  *summary,
                                GOutputStream    *out,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_autoptr(GString) text = g_string_sized_new (FLUSH_SIZE + FLUSH_SIZE / 4);
  HtmlWalk walk = { summary, text };

  g_string_append_printf (walk.out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
                          measures_translations_get_lang (summary->translations));
  append_escaped (walk.out, summary->title);
  g_string_append_printf (walk.out, "</title>\n<style>%s</style>\n</head>\n<body>\n", html_style);

  if (!walk_summary (summary, html_block_cb, &walk, text, out, cancellable, error))
    return FALSE;
  html_close (&walk, NULL);

  g_string_append (walk.out, "</body>\n</html>\n");

  return flush_text (text, out, 0, cancellable, error);
}

/**
 * measures_writer_html:
 * @summary: a summary
 *
 * Returns: (transfer full): what measures_writer_html_to_stream() writes
 */
GBytes *
measures_writer_html (MeasuresSummary *summary)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  measures_writer_html_to_stream (summary, memory, NULL, NULL);

  return to_bytes (memory);
}

/* Markdown */

/* Where a piece of text goes in a Markdown document. */
typedef enum
{
  MD_LINE_START,  /* at the start of a line, or of a list item */
  MD_INLINE,      /* after other text on its line */
  MD_TABLE,       /* in a table's cell: line breaks are <br> */
  MD_HEADING,     /* in a heading: line breaks are spaces */
} MdPlace;

/* Record text must not turn into Markdown: characters that could start
 * markup are escaped, and so is anything that looks like HTML. At the
 * start of a line, so are the marks that make it a list item ("- ",
 * "+ ", "1. ", "1) "), a rule ("---") or the line under a heading ("===",
 * "---"); the spaces there are dropped, as they show nothing and four
 * would make the line code. "#", ">", "*" and "|" are escaped anywhere. */
static void
append_md_escaped (GString    *out,
                   const char *text,
                   MdPlace     place)
{
  gboolean line_start = place == MD_LINE_START;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (line_start)
        {
          const char *digits = p;

          line_start = FALSE;
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '\0')
            break;

          if (*p == '-' || *p == '+' || *p == '=')
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
              continue;
            }

          for (digits = p; g_ascii_isdigit (*digits); digits++)
            ;
          if (digits > p && (*digits == '.' || *digits == ')') &&
              (digits[1] == '\0' || digits[1] == ' ' || digits[1] == '\t' || digits[1] == '\n'))
            {
              g_string_append_len (out, p, digits - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *digits);
              p = digits;
              continue;
            }
        }

      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '#':
        case '!': case '|': case '~': case '>': case '{': case '}':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '\n':
          if (place == MD_TABLE)
            g_string_append (out, "<br>");
          else if (place == MD_HEADING)
            g_string_append_c (out, ' ');
          else
            {
              g_string_append (out, "  \n");
              line_start = TRUE;
            }
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* What a walk over the blocks has open. */
typedef struct
{
  MeasuresSummary *summary;
  GString *out;
  gboolean fields;        /* a run of fields, of group @fields_group */
  guint fields_group;
  gboolean list;          /* a list, of group @list_group */
  guint list_group;
} MdWalk;

/* Ends what @block does not go on with, with a blank line; %NULL ends
 * everything. */
static void
md_close (MdWalk                     *walk,
          const MeasuresSummaryBlock *block)
{
  MeasuresSummaryKind kind = block != NULL ? block->kind : MEASURES_SUMMARY_PAGE_BREAK;

  if (walk->list && (kind != MEASURES_SUMMARY_LIST_ITEM || block->group != walk->list_group))
    {
      g_string_append_c (walk->out, '\n');
      walk->list = FALSE;
    }
  if (walk->fields && (kind != MEASURES_SUMMARY_FIELD || block->group != walk->fields_group))
    {
      g_string_append_c (walk->out, '\n');
      walk->fields = FALSE;
    }
}

/* A table of @block's rows, under its header when it has one. */
static void
md_rows (GString                    *out,
         const MeasuresSummaryBlock *block)
{
  if (block->header != NULL)
    {
      g_string_append (out, "|");
      for (guint i = 0; block->header[i] != NULL; i++)
        {
          g_string_append_c (out, ' ');
          append_md_escaped (out, block->header[i], MD_TABLE);
          g_string_append (out, " |");
        }
      g_string_append (out, "\n|");
      for (guint i = 0; block->header[i] != NULL; i++)
        g_string_append (out, "---|");
      g_string_append_c (out, '\n');
    }
  for (guint r = 0; r < block->rows->len; r++)
    {
      char **row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "|");
      for (guint i = 0; row[i] != NULL; i++)
        {
          g_string_append_c (out, ' ');
          append_md_escaped (out, row[i], MD_TABLE);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/* Counts are a list, "label: 3"; other tables are tables. */
static void
md_table (MdWalk                     *walk,
          const MeasuresSummaryBlock *block)
{
  GString *out = walk->out;

  if (block->counts)
    {
      for (guint r = 0; r < block->rows->len; r++)
        {
          char **row = g_ptr_array_index (block->rows, r);

          g_string_append (out, "- ");
          append_md_escaped (out, row[0], MD_LINE_START);
          g_string_append_printf (out, ": %s\n", row[1]);
        }
      g_string_append_c (out, '\n');
      return;
    }

  md_rows (out, block);
}

static void
md_field (MdWalk                     *walk,
          const MeasuresSummaryBlock *block)
{
  GString *out = walk->out;
  g_autofree char *value = measures_summary_block_dup_value (block, "; ");

  walk->fields = TRUE;
  walk->fields_group = block->group;
  if (*value == '\0')
    return;

  g_string_append (out, "- **");
  append_md_escaped (out, block->label, MD_INLINE);
  g_string_append (out, ":** ");
  if (block->link != NULL)
    /* An autolink: angle brackets keep the address whole. */
    g_string_append_printf (out, "<%s>", block->link);
  else
    append_md_escaped (out, value, MD_INLINE);
  g_string_append_c (out, '\n');
}

/* The matrix as a table, and what its "–" and "0" say. */
static void
md_matrix (MdWalk                     *walk,
           const MeasuresSummaryBlock *block)
{
  GString *out = walk->out;

  md_rows (out, block);
  g_string_append_c (out, '_');
  append_md_escaped (out, block->label, MD_INLINE);
  g_string_append (out, "_\n\n");
}

static void
md_image (MdWalk     *walk,
          const char *alt,
          GBytes     *svg)
{
  gsize length;
  const guchar *data = g_bytes_get_data (svg, &length);
  g_autofree char *base64 = g_base64_encode (data, length);

  g_string_append (walk->out, "![");
  append_md_escaped (walk->out, alt, MD_INLINE);
  g_string_append_printf (walk->out, "](data:image/svg+xml;base64,%s)\n\n", base64);
}

/* The chart as an SVG image in the document itself, so that the summary
 * stays one file (a sandboxed app may write only the file chosen). */
static void
md_chart (MdWalk                     *walk,
          const MeasuresSummaryBlock *block)
{
  MeasuresSummary *summary = walk->summary;
  g_autoptr(GBytes) svg = NULL;

  if (block->kind == MEASURES_SUMMARY_MAP)
    svg = measures_map_to_svg (summary->coverage, summary->zoom, MEASURES_CHART_IMAGE_WIDTH, &summary->chart_style);
  else
    svg = measures_chart_to_svg (summary->overview, block->chart, MEASURES_CHART_IMAGE_WIDTH, &summary->chart_style);
  md_image (walk, block->text, svg);
}

static void
md_block (MdWalk                     *walk,
          const MeasuresSummaryBlock *block)
{
  GString *out = walk->out;

  md_close (walk, block);

  switch (block->kind)
    {
    case MEASURES_SUMMARY_HEADING:
      /* A measure's title is a level below the title, as the cover's
       * parts are: Markdown has no <section>. */
      for (guint i = 0; i < (block->level <= 2 ? block->level : block->level - 1); i++)
        g_string_append_c (out, '#');
      g_string_append_c (out, ' ');
      append_md_escaped (out, block->text, MD_HEADING);
      g_string_append (out, "\n\n");
      break;

    case MEASURES_SUMMARY_PARAGRAPH:
      switch (block->style)
        {
        case MEASURES_PARAGRAPH_SUBTITLE:
          g_string_append (out, "**");
          append_md_escaped (out, block->text, MD_INLINE);
          g_string_append (out, "**  \n");
          break;
        case MEASURES_PARAGRAPH_NOTE:
          g_string_append_c (out, '_');
          append_md_escaped (out, block->text, MD_INLINE);
          g_string_append (out, "_\n\n");
          break;
        case MEASURES_PARAGRAPH_DATE:
        case MEASURES_PARAGRAPH_BODY:
        default:
          append_md_escaped (out, block->text, MD_LINE_START);
          g_string_append (out, "\n\n");
        }
      break;

    case MEASURES_SUMMARY_LIST_ITEM:
      walk->list = TRUE;
      walk->list_group = block->group;
      g_string_append (out, "- ");
      append_md_escaped (out, block->text, MD_LINE_START);
      g_string_append_c (out, '\n');
      break;

    case MEASURES_SUMMARY_FIELD:
      md_field (walk, block);
      break;

    case MEASURES_SUMMARY_TABLE:
      md_table (walk, block);
      break;

    case MEASURES_SUMMARY_CHART:
    case MEASURES_SUMMARY_MAP:
      md_chart (walk, block);
      break;

    case MEASURES_SUMMARY_MATRIX:
      md_matrix (walk, block);
      break;

    case MEASURES_SUMMARY_PAGE_BREAK:
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
md_block_cb (gpointer                    walk,
             const MeasuresSummaryBlock *block)
{
  md_block (walk, block);
}

/**
 * measures_writer_markdown_to_stream:
 * @summary: a summary
 * @out: where to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes the summary in Markdown, with the charts as SVG images in data:
 * addresses; record text is escaped so that it shows as the text it is.
 *
 * Returns: whether it was all written
 */
gboolean
measures_writer_markdown_to_stream (MeasuresSummary  *summary,
                                    GOutputStream    *out,
                                    GCancellable     *cancellable,
                                    GError          **error)
{
  g_autoptr(GString) text = g_string_sized_new (FLUSH_SIZE + FLUSH_SIZE / 4);
  MdWalk walk = { summary, text };

  if (!walk_summary (summary, md_block_cb, &walk, text, out, cancellable, error))
    return FALSE;
  md_close (&walk, NULL);

  return flush_text (text, out, 0, cancellable, error);
}

/**
 * measures_writer_markdown:
 * @summary: a summary
 *
 * Returns: (transfer full): what measures_writer_markdown_to_stream()
 *   writes
 */
GBytes *
measures_writer_markdown (MeasuresSummary *summary)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  measures_writer_markdown_to_stream (summary, memory, NULL, NULL);

  return to_bytes (memory);
}
