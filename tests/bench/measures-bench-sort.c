/* measures-bench-sort.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sorting by title with the locale's collation, as measures-bench's
 * sort_by_title does, several rounds, beside its peer in C: strxfrm()
 * of each title and qsort() of the keys by strcmp(). Prints wall and
 * processor time (of the whole process, every thread) of each, and
 * checks that the order is g_utf8_collate()'s.
 *
 *   measures-bench-sort [--rounds N] --records N [SHAPE]
 *   measures-bench-sort [--rounds N] --file DATASET
 *
 * Run it in the locale to measure, e.g. LC_ALL=ro_RO.UTF-8.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-data.h"
#include "bench-stats.h"
#include "measures-loader.h"
#include "measures-localized.h"
#include "measures-measure.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

static int
compare_keys (const void *a,
              const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
print_series (const char *name,
              GArray     *wall,
              GArray     *cpu)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < wall->len; i++)
    g_string_append_printf (all, "%s%.1f", i > 0 ? ", " : "", g_array_index (wall, double, i));
  printf ("%s: %.1f ms (median of %u: %s)\n", name, bench_stats (wall).median, wall->len, all->str);
  printf ("%s_cpu: %.1f ms\n", name, bench_stats (cpu).median);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peer_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peer_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) langs = NULL;
  g_autofree char *tmp = NULL;
  const char **titles;
  guint rounds = 5, n, wrong = 0;
  int arg = 1;

  setlocale (LC_ALL, "");

  if (argc > 2 && g_str_equal (argv[1], "--rounds"))
    {
      rounds = MAX (atoi (argv[2]), 1);
      arg = 3;
    }

  if (argc >= arg + 2 && g_str_equal (argv[arg], "--records"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("measures-bench-sort-XXXXXX", NULL);

      tmp = g_build_filename (dir, "bench.json", NULL);
      if (!bench_write_dataset (argc > arg + 2 ? argv[arg + 2] : "project", atoi (argv[arg + 1]), tmp, &error))
        {
          fprintf (stderr, "measures-bench-sort: %s\n", error->message);
          return 1;
        }
      file = g_file_new_for_path (tmp);
    }
  else if (argc == arg + 2 && g_str_equal (argv[arg], "--file"))
    file = g_file_new_for_path (argv[arg + 1]);
  else
    {
      fprintf (stderr, "usage: measures-bench-sort [--rounds N] (--records N [SHAPE] | --file DATASET)\n");
      return 2;
    }

  g_setenv ("MEASURES_NO_CACHE", "1", TRUE);
  catalog = measures_loader_load_catalog (&file, 1, NULL);
  if (tmp != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (tmp);

      g_unlink (tmp);
      g_rmdir (dir);
    }
  if (catalog == NULL)
    {
      fprintf (stderr, "measures-bench-sort: could not load the dataset\n");
      return 1;
    }

  n = catalog->measures->len;
  langs = measures_get_content_languages ();
  titles = g_new (const char *, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    titles[i] = measures_measure_resolve_title (g_ptr_array_index (catalog->measures, i),
                                                (const char * const *) langs);
  printf ("records: %u count\n", n);
  printf ("lc_collate: %s\n", setlocale (LC_COLLATE, NULL));

  /* Each round: ours, then the peer, so that a change of load falls on
   * both alike. */
  for (guint round = 0; round < rounds; round++)
    {
      double t0, c0;
      char **keys = g_new (char *, MAX (n, 1));

      measures_index_forget_orders (catalog->index);
      t0 = now_ms ();
      c0 = cpu_ms ();
      measures_index_get_order (catalog->index, MEASURES_SORT_TITLE, FALSE);
      g_array_append_val (cpu, (double) { cpu_ms () - c0 });
      g_array_append_val (wall, (double) { now_ms () - t0 });

      t0 = now_ms ();
      c0 = cpu_ms ();
      for (guint i = 0; i < n; i++)
        {
          gsize length = strxfrm (NULL, titles[i], 0);

          keys[i] = malloc (length + 1);
          strxfrm (keys[i], titles[i], length + 1);
        }
      qsort (keys, n, sizeof (char *), compare_keys);
      for (guint i = 0; i < n; i++)
        free (keys[i]);
      g_array_append_val (peer_cpu, (double) { cpu_ms () - c0 });
      g_array_append_val (peer_wall, (double) { now_ms () - t0 });
      g_free (keys);
    }

  /* The order is g_utf8_collate()'s: every neighbour in order. */
  {
    const guint *order = measures_index_get_order (catalog->index, MEASURES_SORT_TITLE, FALSE);

    for (guint i = 1; i < n; i++)
      if (g_utf8_collate (titles[order[i - 1]], titles[order[i]]) > 0)
        wrong++;
  }

  print_series ("sort_by_title", wall, cpu);
  print_series ("peer_strxfrm_qsort", peer_wall, peer_cpu);
  printf ("out_of_order_neighbours: %u count\n", wrong);
  g_free (titles);

  return wrong == 0 ? 0 : 1;
}
