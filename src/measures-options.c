/* measures-options.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "measures-options.h"

/* The one list of the command line's options: the application parses
 * and describes them with it (`measures --help`), and measures-mkman
 * writes the OPTIONS of the man page measures(1) from it. */
const GOptionEntry measures_option_entries[] = {
  { "count", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the number of measures that match and exit, without opening a window"), NULL },
  { "country", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures of this country; repeat for more"), N_("NAME") },
  { "region", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures of this region; repeat for more"), N_("NAME") },
  { "type", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures of this type or category; repeat for more"), N_("VALUE") },
  { "form", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures against this form of violence; repeat for more"), N_("VALUE") },
  { "year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only measures in force in these years: 2018, 2018-2022, 2018- or -2010"), N_("YEARS") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only measures with words starting with each word of TEXT"), N_("TEXT") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a summary, or a chart as a .png or .svg image, of the measures that match to PATH "
       "(- for standard output) and exit"), N_("PATH") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Format of the export: pdf, html, md, csv, json, png or svg; by default from PATH"), N_("FORMAT") },
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Chart of a .png or .svg export: years, forms, types or timeline; years by default"), N_("CHART") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Pixels per unit of a .png export, from 0.25 to 8; 1 by default"), N_("N") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the export: en or ro; by default the language of the interface"), N_("LANG") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};
