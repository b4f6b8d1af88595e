/* measures-fonts.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-fonts"

#include "config.h"

#include <gio/gio.h>
#include <pango/pango.h>
#include <string.h>

#include "measures-fonts.h"

/* The family charts and pages are drawn in: the platform's interface
 * font (Adwaita Sans on GNOME 48 and later, Cantarell before), never a
 * fixed name. The window sets the one GTK uses; without a window (the
 * command line), it is the desktop's setting, or the default of the
 * installed GNOME schemas, as in a Flatpak runtime; without those,
 * fontconfig's sans-serif. "Sans" follows it for what it lacks.
 *
 * Exports read it from their threads: the names are interned, so a
 * pointer read once stays valid. */

#define DESKTOP_SCHEMA "org.gnome.desktop.interface"

static const char *family;      /* interned, NULL until first used */
static const char *svg_family;

/**
 * measures_fonts_family_from_name:
 * @font_name: a font as the desktop names it, such as "Adwaita Sans 11"
 *
 * Returns: (transfer full) (nullable): its family, "Adwaita Sans"
 */
char *
measures_fonts_family_from_name (const char *font_name)
{
  g_autoptr(PangoFontDescription) description = NULL;
  const char *name;

  if (font_name == NULL)
    return NULL;

  description = pango_font_description_from_string (font_name);
  name = pango_font_description_get_family (description);

  return name != NULL && *name != '\0' ? g_strdup (name) : NULL;
}

static char *
desktop_family (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *font_name = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, DESKTOP_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "font-name"))
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  font_name = g_settings_get_string (settings, "font-name");

  return measures_fonts_family_from_name (font_name);
}

/* The family as CSS names it in an attribute: quoted, with nothing that
 * would end the quotes or the attribute. */
static char *
css_family (const char *name)
{
  GString *out = g_string_new ("'");

  for (const char *p = name; *p != '\0'; p++)
    if (strchr ("'\"<>&\\;", *p) == NULL)
      g_string_append_c (out, *p);
  g_string_append (out, "', sans-serif");

  return g_string_free (out, FALSE);
}

static void
take_family (const char *name)
{
  g_autofree char *list = NULL;
  g_autofree char *css = NULL;

  if (name == NULL || g_ascii_strcasecmp (name, "Sans") == 0 || g_ascii_strcasecmp (name, "sans-serif") == 0)
    {
      g_atomic_pointer_set (&svg_family, g_intern_static_string ("sans-serif"));
      g_atomic_pointer_set (&family, g_intern_static_string ("Sans"));
      return;
    }

  list = g_strdup_printf ("%s, Sans", name);
  css = css_family (name);
  g_atomic_pointer_set (&svg_family, g_intern_string (css));
  g_atomic_pointer_set (&family, g_intern_string (list));
}

static void
ensure_family (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      if (g_atomic_pointer_get (&family) == NULL)
        {
          g_autofree char *name = desktop_family ();

          take_family (name);
        }
      g_once_init_leave (&once, 1);
    }
}

/**
 * measures_fonts_get_family:
 *
 * Returns: the families to draw text in, as Pango reads a font
 *   description: the platform's interface font, then "Sans"
 */
const char *
measures_fonts_get_family (void)
{
  ensure_family ();

  return g_atomic_pointer_get (&family);
}

/**
 * measures_fonts_get_svg_family:
 *
 * Returns: the same families as a CSS font-family list, safe inside an
 *   XML attribute
 */
const char *
measures_fonts_get_svg_family (void)
{
  ensure_family ();

  return g_atomic_pointer_get (&svg_family);
}

/**
 * measures_fonts_set_family:
 * @name: (nullable): the family of the interface font, as the toolkit
 *   has it; %NULL for the desktop's setting
 *
 * Draws charts and pages in @name from now on.
 */
void
measures_fonts_set_family (const char *name)
{
  g_autofree char *desktop = NULL;

  ensure_family ();
  if (name == NULL)
    desktop = desktop_family ();
  take_family (name != NULL ? name : desktop);
}
