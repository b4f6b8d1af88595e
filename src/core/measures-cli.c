/* measures-cli.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "measures-chart.h"
#include "measures-cli.h"
#include "measures-coverage-chart.h"
#include "measures-error.h"
#include "measures-export.h"
#include "measures-file.h"
#include "measures-languages.h"
#include "measures-loader.h"
#include "measures-map.h"
#include "measures-resolver.h"
#include "measures-session.h"
#include "measures-text.h"

/* The command-line modes that need no display. They write to strings
 * rather than to stdout and stderr so that tests can read them.
 */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * measures_cli_parse_years:
 * @text: "2018", "2018-2022", "2018-" or "-2010"
 * @from: (out): the first year, or %MEASURES_YEAR_NONE for no bound
 * @to: (out): the last year, or %MEASURES_YEAR_NONE for no bound
 * @error: return location for an error
 *
 * Returns: whether @text is a year or a range of years
 */
gboolean
measures_cli_parse_years (const char  *text,
                          int         *from,
                          int         *to,
                          GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (text[0] == '-' && text[1] != '\0')
    {
      int first, last;

      /* "-2010": everything up to 2010. */
      if (measures_parse_period (text + 1, &first, &last) && first == last)
        {
          *from = MEASURES_YEAR_NONE;
          *to = first;
          return TRUE;
        }
    }
  else if (measures_parse_period (text, from, to))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %s is what the user gave after --year= */
               _("--year must be a year or a range such as 2018-2022, 2018- or -2010, not “%s”"),
               text);

  return FALSE;
}

/**
 * measures_cli_check_file_names:
 * @names: (nullable) (array zero-terminated=1): the FILE arguments
 * @error: return location for an error
 *
 * An empty name would be taken for the current folder, and load every
 * dataset in it: it is refused, so that a shell variable that expanded
 * to nothing does not stand for a folder.
 *
 * Returns: whether every name names something
 */
gboolean
measures_cli_check_file_names (const char * const  *names,
                               GError             **error)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (*names[i] == '\0')
      {
        g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                             _("a file name is empty; give a file or a folder, or “.” for the current folder"));
        return FALSE;
      }

  return TRUE;
}

/**
 * measures_cli_query_new:
 * @countries: (nullable): the values of --country
 * @regions: (nullable): the values of --region
 * @types: (nullable): the values of --type
 * @forms: (nullable): the values of --form
 * @years: (nullable): the value of --year
 * @search: (nullable): the value of --search
 * @error: return location for an error
 *
 * Builds the query that the command-line options describe. Repeated
 * options are ORed within their facet, as in the sidebar.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL with @error
 *   set when an option is malformed
 */
MeasuresQuery *
measures_cli_query_new (const char * const  *countries,
                        const char * const  *regions,
                        const char * const  *types,
                        const char * const  *forms,
                        const char          *years,
                        const char          *search,
                        GError             **error)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char * const *lists[] = { countries, regions, types, forms };
  const char *names[] = { "--country", "--region", "--type", "--form" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint k = 0; lists[i] != NULL && lists[i][k] != NULL; k++)
      if (!g_utf8_validate (lists[i][k], -1, NULL) || is_blank (lists[i][k]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is an option such as --country */
                       _("%s needs a value in UTF-8 text"), names[i]);
          return NULL;
        }

  measures_query_set_places (query, countries, regions);
  measures_query_set_types (query, types);
  measures_query_set_forms (query, forms);

  if (years != NULL)
    {
      int from, to;

      if (!measures_cli_parse_years (years, &from, &to, error))
        return NULL;
      measures_query_set_years (query, from, to);
    }

  if (search != NULL)
    {
      if (!g_utf8_validate (search, -1, NULL))
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--search needs text in UTF-8"));
          return NULL;
        }
      measures_query_set_search (query, search);
    }

  return g_steal_pointer (&query);
}

/**
 * measures_cli_query_set_marks:
 * @query: the query of the other options
 * @starred: whether --starred was given
 * @collections: (nullable): the values of --collection: names, compared
 *   without case or diacritics
 * @library: the user's library, read
 * @error: return location for an error
 *
 * Adds --starred and --collection to @query, which reads @library from
 * now on. Repeated --collection options are ORed, as in the sidebar.
 *
 * Returns: %FALSE with @error set when a collection has no such name;
 *   the message names the collections there are, the closest first
 */
gboolean
measures_cli_query_set_marks (MeasuresQuery       *query,
                              gboolean             starred,
                              const char * const  *collections,
                              MeasuresLibrary     *library,
                              GError             **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_return_val_if_fail (MEASURES_IS_QUERY (query), FALSE);
  g_return_val_if_fail (MEASURES_IS_LIBRARY (library), FALSE);

  for (guint i = 0; collections != NULL && collections[i] != NULL; i++)
    {
      const char *id = NULL;

      if (g_utf8_validate (collections[i], -1, NULL) && !is_blank (collections[i]))
        id = measures_library_find_collection (library, collections[i]);
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s needs a value in UTF-8 text"), "--collection");
          return FALSE;
        }

      if (id == NULL)
        {
          guint n = measures_library_get_n_collections (library);
          g_autofree const char **names = g_new0 (const char *, n + 1);
          g_autoptr(GString) all = g_string_new (NULL);
          g_autofree char *near = NULL;

          for (guint k = 0; k < n; k++)
            {
              names[k] = measures_library_get_collection_name (library, measures_library_get_collection (library, k));
              g_string_append_printf (all, "%s“%s”", k > 0 ? ", " : "", names[k]);
            }
          near = measures_resolve_closest (collections[i], names, n, 3);

          if (n == 0)
            g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE,
                         /* Translators: %s is what the user gave after --collection= */
                         _("no collection is named “%s”: there are no collections yet"), collections[i]);
          else if (*near != '\0')
            g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE,
                         /* Translators: the first %s is what the user gave, the second the closest
                          * names, the third every collection there is */
                         _("no collection is named “%s”; did you mean %s? The collections are: %s"),
                         collections[i], near, all->str);
          else
            g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE,
                         /* Translators: the first %s is what the user gave, the second every
                          * collection there is */
                         _("no collection is named “%s”; the collections are: %s"), collections[i], all->str);
          return FALSE;
        }
      g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);

  measures_query_set_library (query, library);
  measures_query_set_starred (query, starred);
  measures_query_set_collections (query, (const char * const *) ids->pdata);

  return TRUE;
}

/* Loads the files and finds the measures @query matches, in a session
 * as the window has one; each problem is written to @err, one a line.
 * %NULL when nothing usable was loaded. */
static MeasuresSession *
load_and_match (GFile * const       *files,
                guint                n_files,
                MeasuresQuery       *query,
                GString             *err,
                MeasuresExitStatus  *status)
{
  g_autoptr(MeasuresSession) session = g_object_new (MEASURES_TYPE_SESSION, "query", query, NULL);
  GPtrArray *problems;

  measures_session_load (session, files, n_files, NULL);
  problems = measures_session_get_problems (session);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = measures_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (err, "%s\n", line);
    }

  if (measures_index_get_n_measures (measures_session_get_index (session)) == 0 && problems->len > 0)
    *status = MEASURES_EXIT_FAILURE;
  else if (problems->len > 0)
    *status = MEASURES_EXIT_PARTIAL;
  else
    *status = MEASURES_EXIT_OK;

  if (*status == MEASURES_EXIT_FAILURE)
    return NULL;

  /* "România", "Trafic de persoane", "turkiye": the values they stand
   * for; a value that stands for nothing is an error, not a count of 0.
   * The session evaluates the query again once it is resolved. */
  if (query != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!measures_resolve_query (query, measures_session_get_index (session), &error))
        {
          g_string_append_printf (err, "measures: %s\n", error->message);
          *status = MEASURES_EXIT_FAILURE;
          return NULL;
        }
    }

  return g_steal_pointer (&session);
}

/**
 * measures_cli_count:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @query: (nullable): which measures to count; %NULL counts them all
 * @out: where the count is written
 * @err: where problems are written
 *
 * Counts with the same index and rules as the window.
 *
 * Returns: the exit status of `measures --count`
 */
MeasuresExitStatus
measures_cli_count (GFile * const *files,
                    guint          n_files,
                    MeasuresQuery *query,
                    GString       *out,
                    GString       *err)
{
  g_autoptr(MeasuresSession) session = NULL;
  const MeasuresResult *result;
  MeasuresExitStatus status;

  session = load_and_match (files, n_files, query, err, &status);
  if (session == NULL)
    return status;
  result = measures_session_get_result (session);

  g_string_append_printf (out, "%u\n", result->n_matches);

  return status;
}

/* Says that @path names no format. */
static void
append_unknown_format (GString    *err,
                       const char *path)
{
  g_autofree char *names = measures_export_formats_dup_names (FALSE);

  /* Translators: the first %s is a file name, the second the formats:
   * “pdf, html, md, csv or json” */
  g_string_append_printf (err, _("measures: cannot tell the format of “%s” from its name; add --format=%s\n"),
                          path, names);
}

/* Writes what @export makes to @path, or for "-" hands it to @out. */
static gboolean
write_export (MeasuresExport  *export,
              const char      *path,
              GBytes         **out,
              GString         *err)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GBytes) bytes = measures_export_to_bytes (export, NULL, &error);

      if (bytes != NULL && out != NULL)
        *out = g_steal_pointer (&bytes);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      measures_export_write (export, file, NULL, &error);
    }

  if (error != NULL)
    {
      g_string_append_printf (err, "measures: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
warn_missing_catalogue (const char *lang,
                        GString    *err)
{
  g_autofree char *missing = measures_languages_dup_missing_catalogue (lang);

  if (missing != NULL)
    /* Translators: %s says which catalogue is missing */
    g_string_append_printf (err, _("measures: warning: %s\n"), missing);
}

/* What --include, --by and --zoom ask of a summary, or why not. */
static gboolean
parse_parts (const char * const     *include,
             const char             *by_name,
             const char             *zoom_name,
             MeasuresExportFormat    format,
             MeasuresSummaryOptions *options,
             GString                *err)
{
  g_autofree char *bad = NULL;

  if (include != NULL && !measures_summary_parts_from_names (include, &options->parts, &bad))
    {
      /* Translators: %s is what the user gave after --include= */
      g_string_append_printf (err, _("measures: --include takes matrix, map or both (matrix,map), not “%s”\n"),
                              bad);
      return FALSE;
    }
  if (options->parts != 0 && format != MEASURES_FORMAT_PDF && format != MEASURES_FORMAT_HTML &&
      format != MEASURES_FORMAT_MARKDOWN)
    {
      g_string_append (err, _("measures: --include is for a summary in pdf, html or md\n"));
      return FALSE;
    }
  if (by_name != NULL &&
      (!(options->parts & MEASURES_SUMMARY_PART_MATRIX) || !measures_coverage_by_from_name (by_name, &options->by)))
    {
      if (!(options->parts & MEASURES_SUMMARY_PART_MATRIX))
        g_string_append (err, _("measures: --by needs --chart=coverage or --include=matrix\n"));
      else
        /* Translators: %s is what the user gave after --by= */
        g_string_append_printf (err, _("measures: --by must be category or form, not “%s”\n"), by_name);
      return FALSE;
    }
  if (zoom_name != NULL &&
      (!(options->parts & MEASURES_SUMMARY_PART_MAP) || !measures_map_zoom_from_name (zoom_name, &options->zoom)))
    {
      if (!(options->parts & MEASURES_SUMMARY_PART_MAP))
        g_string_append (err, _("measures: --zoom needs --chart=map or --include=map\n"));
      else
        /* Translators: %s is what the user gave after --zoom= */
        g_string_append_printf (err, _("measures: --zoom must be world or europe, not “%s”\n"), zoom_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_cli_export:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @query: (nullable): which measures to export
 * @path: where to write; "-" for standard output (text formats only)
 * @format_name: (nullable): "pdf", "html", "md", "csv" or "json";
 *   %NULL to take it from @path's extension
 * @lang: (nullable): a language of measures_languages_get_codes(); %NULL
 *   for the interface's language
 * @include: (nullable) (array zero-terminated=1): the values of
 *   --include: "matrix", "map", or both separated by a comma; for a PDF,
 *   HTML or Markdown summary
 * @by_name: (nullable): with the matrix, "category" (the default) or
 *   "form"
 * @zoom_name: (nullable): with the map, "world" (the default) or
 *   "europe"
 * @out: (out) (optional) (nullable): for "-", the document to print
 * @err: where problems are written
 *
 * Returns: the exit status of `measures --export`
 */
MeasuresExitStatus
measures_cli_export (GFile * const  *files,
                     guint           n_files,
                     MeasuresQuery  *query,
                     const char     *path,
                     const char     *format_name,
                     const char     *lang,
                     const char * const *include,
                     const char     *by_name,
                     const char     *zoom_name,
                     GBytes        **out,
                     GString        *err)
{
  MeasuresSummaryOptions options = { 0, MEASURES_COVERAGE_BY_CATEGORY, MEASURES_MAP_WORLD };
  g_autoptr(MeasuresSession) session = NULL;
  const MeasuresResult *result;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(MeasuresExport) export = NULL;
  g_autofree char *preferred = NULL;
  MeasuresExportFormat format;
  MeasuresExitStatus status;
  const guint *order;
  gboolean to_stdout = g_str_equal (path, "-");

  if (out != NULL)
    *out = NULL;

  if ((format_name != NULL ? !measures_export_format_from_name (format_name, &format)
                           : !measures_export_format_from_path (path, &format)) ||
      measures_export_format_is_chart (format))
    {
      g_autofree char *names = measures_export_formats_dup_names (FALSE);

      if (format_name != NULL)
        /* Translators: the first %s is what the user gave after --format=,
         * the second the formats: “pdf, html, md, csv or json” */
        g_string_append_printf (err, _("measures: unknown format “%s”; use %s\n"), format_name, names);
      else
        append_unknown_format (err, path);
      return MEASURES_EXIT_FAILURE;
    }

  if (lang == NULL)
    lang = preferred = measures_get_preferred_language ();
  if (measures_languages_find (lang) == NULL)
    {
      g_autofree char *langs = measures_languages_dup_list ();

      /* Translators: the first %s is the languages: “en or ro”, the second
       * what the user gave after --lang= */
      g_string_append_printf (err, _("measures: --lang must be %s, not “%s”\n"), langs, lang);
      return MEASURES_EXIT_FAILURE;
    }

  if (to_stdout && !measures_export_format_is_text (format))
    {
      g_string_append (err, _("measures: a PDF cannot be written to standard output; give a file name\n"));
      return MEASURES_EXIT_FAILURE;
    }

  if (!parse_parts (include, by_name, zoom_name, format, &options, err))
    return MEASURES_EXIT_FAILURE;

  /* An uninstalled build without `meson devenv` finds no catalogue:
   * it still writes, in English, but says so. */
  warn_missing_catalogue (lang, err);

  session = load_and_match (files, n_files, query, err, &status);
  if (session == NULL)
    return status;
  result = measures_session_get_result (session);

  /* The matches, in the order of the datasets. */
  order = measures_index_get_order (measures_session_get_index (session), MEASURES_SORT_NONE, FALSE);
  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < measures_index_get_n_measures (measures_session_get_index (session)); i++)
    if (measures_bitset_get (result->matches, order[i]))
      g_ptr_array_add (chosen, g_object_ref (measures_index_get_measure (measures_session_get_index (session), order[i])));

  export = measures_export_new_summary (format, chosen, query, FALSE, lang);
  if (options.parts != 0)
    {
      /* Counted against everything loaded, as the window counts. */
      options.index = measures_session_get_index (session);
      options.matches = result->matches;
      measures_export_set_summary_options (export, &options);
    }
  if (!write_export (export, path, out, err))
    return MEASURES_EXIT_FAILURE;

  return status;
}

/**
 * measures_cli_is_chart_export:
 * @path: the value of --export
 * @format_name: (nullable): the value of --format
 *
 * Returns: whether `--export` asks for a chart as an image: --format=png
 *   or svg, or else a file name ending in .png or .svg
 */
gboolean
measures_cli_is_chart_export (const char *path,
                              const char *format_name)
{
  MeasuresExportFormat format;

  if (format_name != NULL)
    return measures_export_format_from_name (format_name, &format) && measures_export_format_is_chart (format);

  return path != NULL && measures_export_format_from_path (path, &format) &&
         measures_export_format_is_chart (format);
}

/**
 * measures_cli_export_chart:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @query: (nullable): which measures the chart shows
 * @path: where to write; "-" for standard output (SVG only)
 * @format_name: (nullable): "png" or "svg"; %NULL to take it from @path
 * @chart_name: (nullable): "years", "forms", "types" or "timeline";
 *   %NULL for "years"
 * @scale: pixels per unit of a PNG image
 * @out: (out) (optional) (nullable): for "-", the image to print
 * @err: where problems are written
 *
 * Draws one chart of the overview of the matches, in the light style,
 * with no display.
 *
 * Returns: the exit status of `measures --export=FILE.png`
 */
MeasuresExitStatus
measures_cli_export_chart (GFile * const  *files,
                           guint           n_files,
                           MeasuresQuery  *query,
                           const char     *path,
                           const char     *format_name,
                           const char     *chart_name,
                           double          scale,
                           GBytes        **out,
                           GString        *err)
{
  g_autoptr(MeasuresSession) session = NULL;
  const MeasuresResult *result;
  g_autoptr(MeasuresExport) export = NULL;
  MeasuresExportFormat format = MEASURES_FORMAT_PNG;
  MeasuresChart chart = MEASURES_CHART_YEARS;
  MeasuresExitStatus status;

  if (out != NULL)
    *out = NULL;

  if (format_name != NULL)
    format = g_ascii_strcasecmp (format_name, "svg") == 0 ? MEASURES_FORMAT_SVG : MEASURES_FORMAT_PNG;
  else if (!measures_export_format_from_path (path, &format) || !measures_export_format_is_chart (format))
    {
      append_unknown_format (err, path);
      return MEASURES_EXIT_FAILURE;
    }

  if (chart_name != NULL && !measures_chart_from_name (chart_name, &chart))
    {
      /* Translators: %s is what the user gave after --chart= */
      g_string_append_printf (err, _("measures: unknown chart “%s”; use years, forms, types, timeline, coverage "
                                     "or map\n"),
                              chart_name);
      return MEASURES_EXIT_FAILURE;
    }

  if (!(scale >= 0.25 && scale <= 8))
    {
      g_string_append_printf (err, _("measures: --scale must be from 0.25 to 8, not %g\n"), scale);
      return MEASURES_EXIT_FAILURE;
    }

  if (g_str_equal (path, "-") && !measures_export_format_is_text (format))
    {
      g_string_append (err, _("measures: a PNG image cannot be written to standard output; give a file name\n"));
      return MEASURES_EXIT_FAILURE;
    }

  /* The chart speaks the interface's language. */
  warn_missing_catalogue (NULL, err);

  session = load_and_match (files, n_files, query, err, &status);
  if (session == NULL)
    return status;
  result = measures_session_get_result (session);

  export = measures_export_new_chart (format, measures_session_get_index (session), result->matches, chart, scale);
  if (!write_export (export, path, out, err))
    return MEASURES_EXIT_FAILURE;

  return status;
}

/**
 * measures_cli_is_coverage_chart:
 * @chart_name: (nullable): the value of --chart
 *
 * Returns: whether --chart asks for the coverage matrix or the map,
 *   which measures_cli_export_coverage() writes
 */
gboolean
measures_cli_is_coverage_chart (const char *chart_name)
{
  return g_strcmp0 (chart_name, "coverage") == 0 || g_strcmp0 (chart_name, "map") == 0;
}

typedef enum
{
  COVERAGE_CSV,
  COVERAGE_PNG,
  COVERAGE_SVG,
} CoverageFormat;

static gboolean
coverage_format_from_name (const char     *name,
                           CoverageFormat *format)
{
  static const char * const names[] = { "csv", "png", "svg" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

/* The format of @path from its extension. */
static gboolean
coverage_format_from_path (const char     *path,
                           CoverageFormat *format)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, '/') == NULL && coverage_format_from_name (dot + 1, format);
}

/**
 * measures_cli_export_coverage:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @query: (nullable): which measures to count
 * @path: where to write; "-" for standard output (CSV and SVG only)
 * @format_name: (nullable): "csv", "png" or "svg"; %NULL to take it
 *   from @path
 * @chart_name: "coverage" or "map"
 * @by_name: (nullable): for the matrix, "category" (the default) or
 *   "form"
 * @zoom_name: (nullable): for the map, "world" (the default) or "europe"
 * @scale: pixels per unit of a PNG image
 * @out: (out) (optional) (nullable): for "-", what to print
 * @err: where problems are written
 *
 * Writes the coverage matrix of the matches as CSV, PNG or SVG, or the
 * world map of them as PNG or SVG, in the light style, with no display.
 *
 * Returns: the exit status of `measures --export=FILE --chart=coverage`
 */
MeasuresExitStatus
measures_cli_export_coverage (GFile * const  *files,
                              guint           n_files,
                              MeasuresQuery  *query,
                              const char     *path,
                              const char     *format_name,
                              const char     *chart_name,
                              const char     *by_name,
                              const char     *zoom_name,
                              double          scale,
                              GBytes        **out,
                              GString        *err)
{
  g_autoptr(MeasuresSession) session = NULL;
  g_autoptr(MeasuresCoverage) coverage = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresChartStyle style = { FALSE };
  MeasuresCoverageBy by = MEASURES_COVERAGE_BY_CATEGORY;
  MeasuresMapZoom zoom = MEASURES_MAP_WORLD;
  gboolean map = g_strcmp0 (chart_name, "map") == 0;
  CoverageFormat format = COVERAGE_SVG;
  MeasuresExitStatus status;

  g_return_val_if_fail (measures_cli_is_coverage_chart (chart_name), MEASURES_EXIT_FAILURE);

  if (out != NULL)
    *out = NULL;

  if (format_name != NULL ? !coverage_format_from_name (format_name, &format) || (map && format == COVERAGE_CSV)
                          : !coverage_format_from_path (path, &format) || (map && format == COVERAGE_CSV))
    {
      const char *formats = map ? "png, svg" : "csv, png, svg";

      if (map && format == COVERAGE_CSV)
        g_string_append (err, _("measures: the map is an image; write it as .png or .svg\n"));
      else if (format_name != NULL)
        /* Translators: %s is what the user gave after --format=, then
         * the chart's formats, "png, svg" */
        g_string_append_printf (err, _("measures: “%s” is no format of this chart; use %s\n"), format_name, formats);
      else
        /* Translators: %s is the file name given after --export=, then
         * the chart's formats, "png, svg" */
        g_string_append_printf (err, _("measures: cannot tell the format of “%s” from its name; "
                                       "add --format= and one of %s\n"), path, formats);
      return MEASURES_EXIT_FAILURE;
    }

  if (by_name != NULL && (map || !measures_coverage_by_from_name (by_name, &by)))
    {
      if (map)
        g_string_append (err, _("measures: --by is for --chart=coverage\n"));
      else
        /* Translators: %s is what the user gave after --by= */
        g_string_append_printf (err, _("measures: --by must be category or form, not “%s”\n"), by_name);
      return MEASURES_EXIT_FAILURE;
    }
  if (zoom_name != NULL && (!map || !measures_map_zoom_from_name (zoom_name, &zoom)))
    {
      if (!map)
        g_string_append (err, _("measures: --zoom is for --chart=map\n"));
      else
        /* Translators: %s is what the user gave after --zoom= */
        g_string_append_printf (err, _("measures: --zoom must be world or europe, not “%s”\n"), zoom_name);
      return MEASURES_EXIT_FAILURE;
    }

  if (!(scale >= 0.25 && scale <= 8))
    {
      g_string_append_printf (err, _("measures: --scale must be from 0.25 to 8, not %g\n"), scale);
      return MEASURES_EXIT_FAILURE;
    }

  if (g_str_equal (path, "-") && format == COVERAGE_PNG)
    {
      g_string_append (err, _("measures: a PNG image cannot be written to standard output; give a file name\n"));
      return MEASURES_EXIT_FAILURE;
    }

  session = load_and_match (files, n_files, query, err, &status);
  if (session == NULL)
    return status;

  coverage = measures_coverage_new (measures_session_get_index (session), measures_session_get_result (session)->matches,
                                    by, MEASURES_COVERAGE_SORT_NAME, NULL);

  switch (format)
    {
    case COVERAGE_CSV:
      bytes = measures_coverage_to_csv (coverage, measures_session_get_index (session));
      break;
    case COVERAGE_PNG:
      bytes = map ? measures_map_to_png (coverage, zoom, MEASURES_MAP_IMAGE_WIDTH, scale, &style, &error)
                  : measures_coverage_chart_to_png (coverage, scale, &style, &error);
      break;
    case COVERAGE_SVG:
    default:
      bytes = map ? measures_map_to_svg (coverage, zoom, MEASURES_MAP_IMAGE_WIDTH, &style)
                  : measures_coverage_chart_to_svg (coverage, &style);
      break;
    }

  if (bytes == NULL)
    {
      g_string_append_printf (err, "measures: %s\n", error->message);
      return MEASURES_EXIT_FAILURE;
    }

  if (g_str_equal (path, "-"))
    {
      if (out != NULL)
        *out = g_steal_pointer (&bytes);
      return status;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

    if (!measures_file_replace_contents (file, bytes, NULL, &error))
      {
        g_string_append_printf (err, "measures: %s\n", error->message);
        return MEASURES_EXIT_FAILURE;
      }
  }

  return status;
}
