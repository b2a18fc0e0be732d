import type { SVGProps } from "react";

export type IconProps = SVGProps<SVGSVGElement>;

/** The frame every icon of `icons/` draws in: Lucide's 24 px grid, 2 px round strokes in the text's colour. */
export const Svg = (p: IconProps) => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    width={24}
    height={24}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    {...p}
  />
);
