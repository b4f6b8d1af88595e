/* main.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <unistd.h>

#include "measures-application.h"

/* A standard stream that was closed gets /dev/null, open for reading
 * only: writing to it still fails (EBADF), as to a closed stream, but no
 * file, socket or eventfd opened later takes its number and is sent what
 * was meant for standard output, such as `--export=-`. */
static void
reserve_standard_streams (void)
{
  for (int fd = 0; fd <= 2; fd++)
    if (fcntl (fd, F_GETFD) < 0 && errno == EBADF)
      {
        /* The lowest free number: @fd, as those below it are open. */
        int null = open ("/dev/null", O_RDONLY);

        if (null >= 0 && null != fd)
          {
            dup2 (null, fd);
            close (null);
          }
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MeasuresApplication) app = NULL;
  const char *localedir;

  reserve_standard_streams ();

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
