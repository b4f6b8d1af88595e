/* measures-options.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "measures-export.h"
#include "measures-languages.h"
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
  { "starred", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Only the measures you starred"), NULL },
  { "collection", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures in your collection of this name; repeat for more"), N_("NAME") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a summary, or a chart as a .png or .svg image, of the measures that match to PATH "
       "(- for standard output) and exit"), N_("PATH") },
  /* Its description names the formats: see measures_options_new(). */
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL, NULL, N_("FORMAT") },
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Chart of a .png or .svg export: years, forms, types, timeline, coverage (also .csv) or map; "
       "years by default"), N_("CHART") },
  { "include", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Add to a .pdf, .html or .md summary the coverage matrix, the world map on its cover, or both: "
       "matrix, map or matrix,map"), N_("PARTS") },
  { "by", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Columns of --chart=coverage and of --include=matrix: category or form; category by default"),
    N_("COLUMNS") },
  { "zoom", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Part of the world of --chart=map and of --include=map: world or europe; world by default"), N_("REGION") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Pixels per unit of a .png export, from 0.25 to 8; 1 by default"), N_("N") },
  /* Its description names the languages: see measures_options_new(). */
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL, NULL, N_("LANG") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/**
 * measures_options_new:
 *
 * The options with every description, the formats and languages named
 * from their tables (measures-export, po/LINGUAS) in the interface's
 * language.
 *
 * Returns: (transfer full): the options, for as long as they are used
 */
MeasuresOptions *
measures_options_new (void)
{
  MeasuresOptions *self = g_new0 (MeasuresOptions, 1);
  g_autofree char *formats = measures_export_formats_dup_names (TRUE);
  g_autofree char *langs = measures_languages_dup_list ();

  self->entries = g_memdup2 (measures_option_entries, sizeof measures_option_entries);
  /* Translators: in `measures --help`; %s is the formats: “pdf, html, md, csv, json, png or svg” */
  self->format_help = g_strdup_printf (_("Format of the export: %s; by default from PATH"), formats);
  /* Translators: in `measures --help`; %s is the languages: “en or ro” */
  self->lang_help = g_strdup_printf (_("Language of the export: %s; by default the language of the interface"),
                                     langs);
  for (guint i = 0; self->entries[i].long_name != NULL; i++)
    {
      if (g_str_equal (self->entries[i].long_name, "format"))
        self->entries[i].description = self->format_help;
      else if (g_str_equal (self->entries[i].long_name, "lang"))
        self->entries[i].description = self->lang_help;
    }

  return self;
}

void
measures_options_free (MeasuresOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->entries);
  g_free (self->format_help);
  g_free (self->lang_help);
  g_free (self);
}
