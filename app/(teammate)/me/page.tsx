import { redirect } from "next/navigation";

export default function TeammateHome() {
  redirect("/me/messages");
}
