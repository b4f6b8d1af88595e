/* measures-mkman.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the man page measures(1) at build time, from its template
 * (data/measures.1.in) and the application's option list, so that the
 * page and `measures --help` give the same options:
 *
 *   measures-mkman TEMPLATE VERSION OUTPUT
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "measures-options.h"

/* Text as roff reads it: backslashes and hyphens escaped. */
static void
append_roff (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\\')
      g_string_append (out, "\\e");
    else if (*p == '-')
      g_string_append (out, "\\-");
    else
      g_string_append_c (out, *p);
}

static void
append_options (GString *out)
{
  g_autoptr(MeasuresOptions) options = measures_options_new ();

  for (guint i = 0; options->entries[i].long_name != NULL; i++)
    {
      const GOptionEntry *entry = &options->entries[i];

      if (g_str_equal (entry->long_name, G_OPTION_REMAINING))
        continue;

      g_string_append (out, ".TP\n\\fB\\-\\-");
      append_roff (out, entry->long_name);
      g_string_append (out, "\\fR");
      if (entry->arg_description != NULL)
        {
          g_string_append (out, "=\\fI");
          append_roff (out, entry->arg_description);
          g_string_append (out, "\\fR");
        }
      g_string_append_c (out, '\n');
      append_roff (out, entry->description);
      g_string_append (out, ".\n");
    }

  /* The last line of the list, without its line break. */
  g_string_truncate (out, out->len - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) page = NULL;
  g_autoptr(GString) options = g_string_new (NULL);
  g_autofree char *template = NULL;

  if (argc != 4)
    {
      fprintf (stderr, "Usage: %s TEMPLATE VERSION OUTPUT\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &template, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  append_options (options);
  page = g_string_new (template);
  if (g_string_replace (page, "@OPTIONS@", options->str, 0) != 1 ||
      g_string_replace (page, "@VERSION@", argv[2], 0) != 1)
    {
      fprintf (stderr, "%s: @OPTIONS@ and @VERSION@ must each be there once\n", argv[1]);
      return 1;
    }

  if (!g_file_set_contents (argv[3], page->str, page->len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
