/* measures-bench.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures the core the window runs on: loading, search and facet
 * counts per keystroke, sorting and memory. Prints `name: value unit`
 * lines. Without arguments it runs itself once for each size, so that
 * each size's memory is measured in a fresh process.
 *
 *   measures-bench                     1k, 10k and 100k synthetic records
 *   measures-bench --records N         one size
 *   measures-bench --file DATASET      a dataset of your own
 *   measures-bench --write N PATH [SHAPE]  write a synthetic dataset: "project"
 *                                      (the default) or "other" (bench-data.c)
 *   measures-bench --write-wide N PATH write one as wide as the world: 200
 *                                      countries, 30 categories
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "bench-data.h"
#include "bench-stats.h"
#include "measures-chart.h"
#include "measures-coverage-chart.h"
#include "measures-loader.h"
#include "measures-overview.h"
#include "measures-text.h"
#include "synthetic-dataset.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  if ((line = strstr (status, field)) == NULL)
    return -1;

  return strtol (line + strlen (field) + 1, NULL, 10);
}

static void
print_stats (const char *prefix,
             const char *name,
             GArray     *samples)
{
  BenchStats stats = bench_stats (samples);

  printf ("%s%s_median: %.2f ms\n", prefix, name, stats.median);
  printf ("%s%s_p95: %.2f ms\n", prefix, name, stats.p95);
}

static int run (const char *path, const char *prefix);

/* Loads @path twice, each in its own process so that memory figures do
 * not mix: first with no cache (cold: JSON to searchable, and the cache
 * written), then from the cache that load wrote (warm). */
static int
cold_and_warm (const char *self,
               const char *path,
               const char *prefix)
{
  g_autofree char *cache_home = g_dir_make_tmp ("measures-bench-cache-XXXXXX", NULL);
  const char *modes[] = { "cold_", "warm_" };
  g_autofree char *command = NULL;

  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_unsetenv ("MEASURES_NO_CACHE");

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *full = g_strconcat (prefix, modes[i], NULL);
      const char *child_argv[] = { self, "--run", path, full, NULL };
      g_autoptr(GError) error = NULL;
      int wait_status;

      fflush (stdout);
      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &wait_status, &error) ||
          !g_spawn_check_wait_status (wait_status, &error))
        {
          fprintf (stderr, "measures-bench: %s\n", error != NULL ? error->message : "failed");
          return 1;
        }
    }

  command = g_strdup_printf ("rm -rf '%s'", cache_home);
  if (system (command) != 0)
    fprintf (stderr, "measures-bench: could not remove %s\n", cache_home);

  return 0;
}

/* Draws the four charts of @overview, each on its own surface of the
 * height it asks for, as the window's drawing areas do. */
static void
draw_overview (MeasuresOverview   *overview,
               PangoContext      **contexts,
               MeasuresTextCache **caches)
{
  for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
    {
      MeasuresChartStyle style = { FALSE, 0, NULL, caches[chart] };
      double height = measures_chart_get_height (overview, chart, 800);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, (int) ceil (height));
      cairo_t *cr = cairo_create (surface);

      measures_chart_draw (overview, chart, cr, contexts[chart], 800, height, &style);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static int
run (const char *path,
     const char *prefix)
{
  static const char *queries[] = {
    "national str", "traficului p", "stiinta tara", "protectia vi", "ȘTIINȚĂ legi",
  };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) facets = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  double start, load_ms, sort_ms;
  struct stat st;
  guint n_countries;

  if (g_stat (path, &st) != 0)
    {
      fprintf (stderr, "measures-bench: cannot read %s\n", path);
      return 1;
    }

  start = now_ms ();
  catalog = measures_loader_load_catalog (&file, 1, NULL);
  load_ms = now_ms () - start;

  printf ("%srecords: %u count\n", prefix, catalog->measures->len);
  printf ("%sfile_size: %.1f MB\n", prefix, st.st_size / 1e6);
  printf ("%sload: %.1f ms\n", prefix, load_ms);
  printf ("%srss_after_load: %.1f MB\n", prefix, status_kb ("VmRSS:") / 1024.0);
  printf ("%srss_anon_after_load: %.1f MB\n", prefix, status_kb ("RssAnon:") / 1024.0);
  printf ("%srss_file_after_load: %.1f MB\n", prefix, status_kb ("RssFile:") / 1024.0);
  printf ("%speak_rss_load: %.1f MB\n", prefix, status_kb ("VmHWM:") / 1024.0);

  /* Typing each query one character at a time, then deleting it. */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      glong len = g_utf8_strlen (queries[q], -1);

      for (glong step = 1; step <= 2 * len; step++)
        {
          glong chars = step <= len ? step : 2 * len - step;
          g_autofree char *prefix_text = g_utf8_substring (queries[q], 0, chars);
          g_autoptr(MeasuresResult) result = NULL;
          double t0, elapsed;

          measures_query_set_search (query, prefix_text);
          t0 = now_ms ();
          result = measures_index_evaluate (catalog->index, query);
          elapsed = now_ms () - t0;
          g_array_append_val (keystrokes, elapsed);
        }
    }
  print_stats (prefix, "keystroke_search_and_counts", keystrokes);

  /* Toggling countries with a search active. */
  measures_query_set_search (query, "trafficking");
  n_countries = measures_index_get_n_values (catalog->index, MEASURES_FACET_COUNTRY);
  for (guint i = 0; i < 40; i++)
    {
      const char *country[] = { measures_index_get_value (catalog->index, MEASURES_FACET_COUNTRY, i % n_countries), NULL };
      g_autoptr(MeasuresResult) result = NULL;
      double t0, elapsed;

      measures_query_set_places (query, i % 2 == 0 ? country : NULL, NULL);
      t0 = now_ms ();
      result = measures_index_evaluate (catalog->index, query);
      elapsed = now_ms () - t0;
      g_array_append_val (facets, elapsed);
    }
  print_stats (prefix, "facet_counts_update", facets);

  /* The overview as the window keeps it: one Pango context and one cache
   * of shaped labels for each chart's area, 800 pixels wide. First every measure, drawn once (fonts
   * are loaded then); then redraws for queries that match from all the
   * measures down to a few, ten times over, each timed from the counts
   * being known: the overview's figures, then the four charts drawn. */
  {
    static const char *redraw_queries[] = {
      "", "a", "n", "t", "s", "e", "strategy", "plan", "law", "",
    };
    g_autoptr(MeasuresQuery) everything = measures_query_new ();
    g_autoptr(MeasuresResult) result = measures_index_evaluate (catalog->index, everything);
    g_autoptr(MeasuresOverview) overview = NULL;
    g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) draws = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) redraws = g_array_new (FALSE, FALSE, sizeof (double));
    PangoContext *contexts[MEASURES_N_CHARTS];
    MeasuresTextCache *caches[MEASURES_N_CHARTS];
    double t0 = now_ms (), computed, drawn;

    for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
        cairo_t *cr = cairo_create (surface);

        contexts[chart] = pango_cairo_create_context (cr);
        caches[chart] = measures_text_cache_new ();
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

    overview = measures_overview_new (catalog->index, result->matches, 2026);
    computed = now_ms () - t0;
    t0 = now_ms ();
    draw_overview (overview, contexts, caches);
    drawn = now_ms () - t0;
    printf ("%soverview_figures: %.1f ms (%u periods on the timeline)\n", prefix, computed, overview->n_timeline);
    printf ("%soverview_first_draw_four_charts: %.1f ms\n", prefix, drawn);

    for (guint round = 0; round < 10; round++)
      for (guint q = 0; q < G_N_ELEMENTS (redraw_queries); q++)
        {
          g_autoptr(MeasuresResult) matched = NULL;
          double t1, t2, t3;

          measures_query_set_search (query, redraw_queries[q]);
          matched = measures_index_evaluate (catalog->index, query);
          t1 = now_ms ();
          g_clear_pointer (&overview, measures_overview_free);
          overview = measures_overview_new (catalog->index, matched->matches, 2026);
          t2 = now_ms ();
          draw_overview (overview, contexts, caches);
          t3 = now_ms ();
          g_array_append_val (figures, (double) { t2 - t1 });
          g_array_append_val (draws, (double) { t3 - t2 });
          g_array_append_val (redraws, (double) { t3 - t1 });
        }
    measures_query_set_search (query, NULL);
    print_stats (prefix, "overview_redraw_figures", figures);
    print_stats (prefix, "overview_redraw_draw_four_charts", draws);
    print_stats (prefix, "overview_redraw_total", redraws);
    printf ("%soverview_redraw_total_max: %.1f ms\n", prefix, bench_stats (redraws).max);

    /* The coverage matrix by category, as the window's table takes it,
     * for the same queries; and the matrix drawn whole as an image. */
    {
      g_autoptr(GArray) coverages = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(MeasuresCoverage) coverage = NULL;
      MeasuresChartStyle style = { FALSE };
      g_autoptr(GBytes) png = NULL;
      double drawn_from;

      for (guint round = 0; round < 10; round++)
        for (guint q = 0; q < G_N_ELEMENTS (redraw_queries); q++)
          {
            g_autoptr(MeasuresResult) matched = NULL;
            double t1;

            measures_query_set_search (query, redraw_queries[q]);
            matched = measures_index_evaluate (catalog->index, query);
            t1 = now_ms ();
            g_clear_pointer (&coverage, measures_coverage_free);
            coverage = measures_coverage_new (catalog->index, matched->matches, MEASURES_COVERAGE_BY_CATEGORY,
                                              MEASURES_COVERAGE_SORT_COUNT, NULL);
            g_array_append_val (coverages, (double) { now_ms () - t1 });
          }
      measures_query_set_search (query, NULL);
      printf ("%scoverage_countries: %u count\n", prefix, coverage->rows->len);
      printf ("%scoverage_columns: %u count\n", prefix, coverage->columns->len);
      print_stats (prefix, "coverage_figures", coverages);

      drawn_from = now_ms ();
      png = measures_coverage_chart_to_png (coverage, 1, &style, NULL);
      printf ("%scoverage_png: %.1f ms\n", prefix, now_ms () - drawn_from);
    }

    for (MeasuresChart chart = 0; chart < MEASURES_N_CHARTS; chart++)
      {
        measures_text_cache_free (caches[chart]);
        g_object_unref (contexts[chart]);
      }
  }

  /* Sorting by title with the locale's collation, keys included. */
  measures_index_forget_orders (catalog->index);
  start = now_ms ();
  measures_index_get_order (catalog->index, MEASURES_SORT_TITLE, FALSE);
  sort_ms = now_ms () - start;
  printf ("%ssort_by_title: %.1f ms\n", prefix, sort_ms);
  printf ("%speak_rss: %.1f MB\n", prefix, status_kb ("VmHWM:") / 1024.0);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  g_autofree char *tmpdir = NULL;

  setlocale (LC_ALL, "");

  /* One load in this process, with whatever cache there is. */
  if (argc == 4 && g_str_equal (argv[1], "--run"))
    return run (argv[2], argv[3]);

  if (argc == 3 && g_str_equal (argv[1], "--file"))
    return cold_and_warm (argv[0], argv[2], "");

  if (argc == 4 && g_str_equal (argv[1], "--write-wide"))
    {
      g_autoptr(GBytes) json = synthetic_dataset (atoi (argv[2]), 200, 30, 20261202);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (argv[3], g_bytes_get_data (json, NULL), g_bytes_get_size (json), &error))
        {
          fprintf (stderr, "measures-bench: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if ((argc == 4 || argc == 5) && g_str_equal (argv[1], "--write"))
    {
      g_autoptr(GError) error = NULL;

      if (!bench_write_dataset (argc == 5 ? argv[4] : "project", atoi (argv[2]), argv[3], &error))
        {
          fprintf (stderr, "measures-bench: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  tmpdir = g_dir_make_tmp ("measures-bench-XXXXXX", NULL);

  if (argc == 3 && g_str_equal (argv[1], "--records"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *file = g_build_filename (tmpdir, "bench.json", NULL);
      g_autofree char *prefix = g_strdup_printf ("%sk_", argv[2]);
      int status;

      if (!bench_write_dataset ("project", atoi (argv[2]), file, &error))
        {
          fprintf (stderr, "measures-bench: %s\n", error->message);
          return 1;
        }

      if (atoi (argv[2]) >= 1000)
        {
          g_free (prefix);
          prefix = g_strdup_printf ("%dk_", atoi (argv[2]) / 1000);
        }
      status = cold_and_warm (argv[0], file, prefix);
      g_unlink (file);
      g_rmdir (tmpdir);
      return status;
    }

  /* Each size in its own process, so memory figures do not mix. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", sizes[i]);
      const char *child_argv[] = { argv[0], "--records", count, NULL };
      g_autoptr(GError) error = NULL;
      int wait_status;

      fflush (stdout);
      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &wait_status, &error) ||
          !g_spawn_check_wait_status (wait_status, &error))
        {
          fprintf (stderr, "measures-bench: %s\n", error != NULL ? error->message : "failed");
          return 1;
        }
    }

  g_rmdir (tmpdir);

  return 0;
}
