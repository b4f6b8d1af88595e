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

/* Whether @dir holds a catalogue of ours. */
static gboolean
has_catalogues (const char *dir)
{
  g_auto(GStrv) linguas = g_strsplit (LINGUAS, " ", -1);

  for (guint i = 0; linguas[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, linguas[i], "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (*linguas[i] != '\0' && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

/* Where the catalogues are: where `meson devenv` (and the tests) point,
 * for a build tree; else those installed beside the executable, found
 * from the executable itself and not from the working directory, so
 * that an install moved elsewhere (a DESTDIR) still speaks its
 * languages; else the configured prefix's. A build run on its own
 * finds none there, and says so when asked for a language
 * (measures_languages_dup_missing_catalogue()). */
static char *
find_localedir (void)
{
  const char *dir = g_getenv ("MEASURES_LOCALEDIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

#ifdef RELATIVE_LOCALEDIR
  {
    g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

    if (exe != NULL && g_path_is_absolute (exe))
      {
        g_autofree char *bindir = g_path_get_dirname (exe);
        g_autofree char *beside = g_canonicalize_filename (RELATIVE_LOCALEDIR, bindir);

        if (has_catalogues (beside))
          return g_steal_pointer (&beside);
      }
  }
#endif

  return g_strdup (LOCALEDIR);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MeasuresApplication) app = NULL;
  g_autofree char *localedir = NULL;

  reserve_standard_streams ();

  localedir = find_localedir ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = measures_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
