export { default, generateMetadata } from "./messages/page";
