/* measures-cli.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "measures-cli.h"
#include "measures-loader.h"

/* The command-line modes that need no display. They write to strings
 * rather than to stdout and stderr so that tests can read them.
 */

/**
 * measures_cli_load:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @err: where each problem is written, one a line
 * @status: (out): how loading went
 *
 * Returns: (transfer container) (element-type MeasuresMeasure): the
 *   measures of all files, the later file winning on equal ids
 */
GPtrArray *
measures_cli_load (GFile * const      *files,
                   guint               n_files,
                   GString            *err,
                   MeasuresExitStatus *status)
{
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);
  g_autoptr(GFile) bundled = NULL;
  GPtrArray *measures;

  if (n_files == 0)
    {
      bundled = measures_loader_get_bundled_file ();
      files = &bundled;
      n_files = 1;
    }

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (datasets, measures_loader_load_file (files[i], NULL));

  measures = measures_datasets_merge (datasets, problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = measures_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (err, "%s\n", line);
    }

  if (measures->len == 0 && problems->len > 0)
    *status = MEASURES_EXIT_FAILURE;
  else if (problems->len > 0)
    *status = MEASURES_EXIT_PARTIAL;
  else
    *status = MEASURES_EXIT_OK;

  return measures;
}

/**
 * measures_cli_count:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @out: where the count is written
 * @err: where problems are written
 *
 * Returns: the exit status of `measures --count`
 */
MeasuresExitStatus
measures_cli_count (GFile * const *files,
                    guint          n_files,
                    GString       *out,
                    GString       *err)
{
  g_autoptr(GPtrArray) measures = NULL;
  MeasuresExitStatus status;

  measures = measures_cli_load (files, n_files, err, &status);

  if (status != MEASURES_EXIT_FAILURE)
    g_string_append_printf (out, "%u\n", measures->len);

  return status;
}
