// The demo district's logo, the same bytes as assets/demo/logo-kabupaten-sindangraja.svg (a test keeps them
// equal). Embedded so that "Muat data demo" works in the packaged app, where assets/ is not shipped.

export const DEMO_LOGO_FILE_NAME = 'logo-kabupaten-sindangraja.svg';

export const DEMO_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 240" width="200" height="240">
  <title>Lambang Kabupaten Sindangraja (fiktif, data demo Jenjang)</title>
  <defs>
    <clipPath id="shield-inside">
      <path d="M30 34 H170 V128 C170 176 138 204 100 220 C62 204 30 176 30 128 Z"/>
    </clipPath>
  </defs>
  <path d="M22 26 H178 V128 C178 182 142 212 100 230 C58 212 22 182 22 128 Z" fill="#c9a227" stroke="#5a4510" stroke-width="3"/>
  <path d="M30 34 H170 V128 C170 176 138 204 100 220 C62 204 30 176 30 128 Z" fill="#1f6b45"/>
  <g clip-path="url(#shield-inside)">
    <path d="M30 34 H170 V96 H30 Z" fill="#2f7fbf"/>
    <path d="M30 150 L74 92 L98 118 L122 84 L170 150 Z" fill="#14523a"/>
    <path d="M112 98 L122 84 L132 98 L126 95 L122 100 L117 95 Z" fill="#f4f4f4"/>
    <path d="M30 156 Q47 148 64 156 T98 156 T132 156 T170 156 V166 Q153 158 132 166 T98 166 T64 166 T30 166 Z" fill="#8fc6ea"/>
    <path d="M30 172 Q47 164 64 172 T98 172 T132 172 T170 172 V182 Q153 174 132 182 T98 182 T64 182 T30 182 Z" fill="#8fc6ea"/>
  </g>
  <path d="M100 42 L106.5 60.5 L126 60.9 L110.4 72.7 L116.1 91.4 L100 80.3 L83.9 91.4 L89.6 72.7 L74 60.9 L93.5 60.5 Z" fill="#f2c94c" stroke="#7a5b00" stroke-width="1.5"/>
  <path d="M62 190 C46 170 40 140 46 104" fill="none" stroke="#7a5b00" stroke-width="2"/>
  <path d="M138 190 C154 170 160 140 154 104" fill="none" stroke="#2d6a3e" stroke-width="2"/>
  <g fill="#f2c94c" stroke="#7a5b00" stroke-width="0.8">
    <ellipse cx="44" cy="112" rx="4" ry="7" transform="rotate(-20 44 112)"/>
    <ellipse cx="42" cy="126" rx="4" ry="7" transform="rotate(-10 42 126)"/>
    <ellipse cx="42" cy="140" rx="4" ry="7"/>
    <ellipse cx="44" cy="154" rx="4" ry="7" transform="rotate(10 44 154)"/>
    <ellipse cx="49" cy="167" rx="4" ry="7" transform="rotate(25 49 167)"/>
    <ellipse cx="57" cy="179" rx="4" ry="7" transform="rotate(40 57 179)"/>
  </g>
  <g fill="#ffffff" stroke="#2d6a3e" stroke-width="1.2">
    <circle cx="156" cy="112" r="5"/>
    <circle cx="158" cy="127" r="5"/>
    <circle cx="158" cy="142" r="5"/>
    <circle cx="156" cy="156" r="5"/>
    <circle cx="151" cy="169" r="5"/>
    <circle cx="143" cy="180" r="5"/>
  </g>
  <path d="M8 196 Q100 222 192 196 L184 218 Q100 242 16 218 Z" fill="#c0282d" stroke="#6d1014" stroke-width="2"/>
  <text x="100" y="218" text-anchor="middle" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif" font-size="15" font-weight="700" letter-spacing="1.5" fill="#ffffff">SINDANGRAJA</text>
</svg>
`;
