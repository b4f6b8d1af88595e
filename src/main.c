/* main.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "measures-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MeasuresApplication) app = NULL;
  const char *localedir;

  /* `meson devenv` points this at the build tree's catalogues, so that
   * the app speaks Romanian before it is installed. */
  localedir = g_getenv ("MEASURES_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = measures_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
