/* measures-atlas.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MeasuresAtlasCountry:
 * @code: its ISO 3166-1 alpha-2 code
 * @name: its English name, as iso-codes gives it (a message of the
 *   "iso_3166-1" domain)
 * @x: the centre of its largest ring, in map units
 * @y: the centre
 * @area: the area of its rings, in square map units
 * @left: its bounds
 * @top: its bounds
 * @right: its bounds
 * @bottom: its bounds
 * @first_ring: its first ring
 * @n_rings: how many it has; none for a state too small for the map's
 *   grid, which is drawn as a dot at (@x, @y)
 *
 * A country or territory of the world map.
 */
typedef struct
{
  char code[3];
  const char *name;
  double x;
  double y;
  double area;
  double left;
  double top;
  double right;
  double bottom;
  guint first_ring;
  guint n_rings;
} MeasuresAtlasCountry;

/**
 * MeasuresAtlasView:
 * @x: the left of the part of the map shown, in map units
 * @y: its top
 * @width: its width
 * @height: its height
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} MeasuresAtlasView;

typedef struct _MeasuresAtlas MeasuresAtlas;

MeasuresAtlas              *measures_atlas_get_default    (void);
guint                       measures_atlas_get_n_countries (MeasuresAtlas    *self);
const MeasuresAtlasCountry *measures_atlas_get_country    (MeasuresAtlas    *self,
                                                           guint             index);
int                         measures_atlas_find           (MeasuresAtlas    *self,
                                                           const char       *code);
const gint16               *measures_atlas_get_ring       (MeasuresAtlas    *self,
                                                           guint             ring,
                                                           guint            *n_points);
gboolean                    measures_atlas_get_view       (MeasuresAtlas    *self,
                                                           const char       *name,
                                                           MeasuresAtlasView *view);
gboolean                    measures_atlas_contains       (MeasuresAtlas    *self,
                                                           guint             index,
                                                           double            x,
                                                           double            y);

G_END_DECLS
