/* measures-cli.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-loader.h"
#include "measures-library.h"
#include "measures-query.h"

G_BEGIN_DECLS

/**
 * MeasuresExitStatus:
 * @MEASURES_EXIT_OK: everything was loaded
 * @MEASURES_EXIT_FAILURE: nothing usable was loaded, or the arguments
 *   are wrong
 * @MEASURES_EXIT_PARTIAL: some records were skipped; the rest were used
 */
typedef enum
{
  MEASURES_EXIT_OK = 0,
  MEASURES_EXIT_FAILURE = 1,
  MEASURES_EXIT_PARTIAL = 2,
} MeasuresExitStatus;

gboolean            measures_cli_check_file_names (const char * const *names,
                                                   GError             **error);
gboolean            measures_cli_parse_years (const char          *text,
                                              int                 *from,
                                              int                 *to,
                                              GError             **error);
MeasuresQuery      *measures_cli_query_new   (const char * const  *countries,
                                              const char * const  *regions,
                                              const char * const  *types,
                                              const char * const  *forms,
                                              const char          *years,
                                              const char          *search,
                                              GError             **error);
gboolean            measures_cli_query_set_marks (MeasuresQuery    *query,
                                                  gboolean          starred,
                                                  const char * const *collections,
                                                  MeasuresLibrary  *library,
                                                  GError          **error);
MeasuresExitStatus  measures_cli_count       (GFile * const       *files,
                                              guint                n_files,
                                              MeasuresQuery       *query,
                                              GString             *out,
                                              GString             *err);
MeasuresExitStatus  measures_cli_export      (GFile * const       *files,
                                              guint                n_files,
                                              MeasuresQuery       *query,
                                              const char          *path,
                                              const char          *format_name,
                                              const char          *lang,
                                              const char * const  *include,
                                              const char          *by_name,
                                              const char          *zoom_name,
                                              GBytes             **out,
                                              GString             *err);
gboolean            measures_cli_is_chart_export (const char      *path,
                                                  const char          *format_name);
MeasuresExitStatus  measures_cli_export_chart (GFile * const      *files,
                                               guint                n_files,
                                               MeasuresQuery       *query,
                                               const char          *path,
                                               const char          *format_name,
                                               const char          *chart_name,
                                               double               scale,
                                               GBytes             **out,
                                               GString             *err);

gboolean            measures_cli_is_coverage_chart (const char    *chart_name);
MeasuresExitStatus  measures_cli_export_coverage (GFile * const   *files,
                                                  guint                n_files,
                                                  MeasuresQuery       *query,
                                                  const char          *path,
                                                  const char          *format_name,
                                                  const char          *chart_name,
                                                  const char          *by_name,
                                                  const char          *zoom_name,
                                                  double               scale,
                                                  GBytes             **out,
                                                  GString             *err);

G_END_DECLS
